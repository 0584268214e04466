package dev.crossover.eventloop.model;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ConcurrencyModelContract;

class OffloadModelTest extends ConcurrencyModelContract {
    @Override
    protected ConcurrencyModel newModel() {
        return EventLoopModel.withOffload(2);
    }

    @Override
    protected boolean supportsFanout() {
        return true;
    }
}

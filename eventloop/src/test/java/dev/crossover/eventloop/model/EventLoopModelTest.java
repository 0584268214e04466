package dev.crossover.eventloop.model;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ConcurrencyModelContract;

class EventLoopModelTest extends ConcurrencyModelContract {
    @Override
    protected ConcurrencyModel newModel() {
        return EventLoopModel.onLoop();
    }

    @Override
    protected boolean supportsFanout() {
        return true;
    }
}

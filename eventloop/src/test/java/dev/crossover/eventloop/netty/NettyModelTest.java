package dev.crossover.eventloop.netty;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ConcurrencyModelContract;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;

class NettyModelTest extends ConcurrencyModelContract {
    @Override
    protected ConcurrencyModel newModel() {
        return Models.create("netty", ModelOptions.defaults());
    }

    @Override
    protected boolean supportsFanout() {
        return true;
    }
}

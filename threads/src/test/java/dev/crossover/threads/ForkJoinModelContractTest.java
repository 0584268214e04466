package dev.crossover.threads;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ConcurrencyModelContract;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;

/** The contract for {@code ForkJoinModel}, made through its {@code ServiceLoader} provider. */
class ForkJoinModelContractTest extends ConcurrencyModelContract {
    @Override
    protected ConcurrencyModel newModel() {
        return Models.create(ForkJoinModel.ID, ModelOptions.defaults());
    }

    @Override
    protected boolean supportsFanout() {
        return false;  // rejects fan-out: see the class javadoc of ForkJoinModel
    }
}

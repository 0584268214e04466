package dev.crossover.threads;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ConcurrencyModelContract;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;

/** The contract for {@code VirtualThreadModel}, made through its {@code ServiceLoader} provider. */
class VirtualThreadModelContractTest extends ConcurrencyModelContract {
    @Override
    protected ConcurrencyModel newModel() {
        return Models.create(VirtualThreadModel.ID, ModelOptions.defaults());
    }

    @Override
    protected boolean supportsFanout() {
        return true;  // runs fan-out: see the class javadoc of VirtualThreadModel
    }
}

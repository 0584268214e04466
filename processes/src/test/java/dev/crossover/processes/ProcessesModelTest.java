package dev.crossover.processes;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ConcurrencyModelContract;
import dev.crossover.core.ModelOptions;

class ProcessesModelTest extends ConcurrencyModelContract {
    @Override
    protected ConcurrencyModel newModel() {
        return ProcessesModel.serial(ModelOptions.defaults().withWorkers(2));
    }

    @Override
    protected boolean supportsFanout() {
        return true;  // a serial worker gathers a task's waits on virtual threads
    }

    @Override
    protected int closeRepetitions() {
        return 20;  // each cycle starts and stops two worker JVMs
    }
}

package dev.crossover.processes;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ConcurrencyModelContract;
import dev.crossover.core.ModelOptions;

class ProcessesEventLoopModelTest extends ConcurrencyModelContract {
    @Override
    protected ConcurrencyModel newModel() {
        return ProcessesModel.eventLoop(ModelOptions.defaults().withWorkers(2));
    }

    @Override
    protected boolean supportsFanout() {
        return true;  // a worker's loop gathers a task's waits as a group of timers
    }

    @Override
    protected int closeRepetitions() {
        return 20;  // each cycle starts and stops two worker JVMs
    }
}

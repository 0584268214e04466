package dev.crossover.benchmarks.cli;

import dev.crossover.core.WorkloadKind;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code workloads}: one workload per line, its id first, then what each task does and its defaults. */
@Command(name = "workloads", description = "Lists the workloads, one per line: id, what each task does, defaults.")
public final class WorkloadsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (WorkloadKind kind : WorkloadKind.values()) {
            StringBuilder defaults = new StringBuilder();
            if (kind.waits()) {
                defaults.append("io=").append(Durations.format(kind.defaultIo()));
            }
            if (kind.computes()) {
                defaults.append(defaults.isEmpty() ? "" : " ").append("cpu=").append(Durations.format(kind.defaultCpu()));
            }
            if (kind == WorkloadKind.SHARED) {
                defaults.append(" accounts=").append(dev.crossover.core.Workload.DEFAULT_ACCOUNTS).append(" lock=synchronized");
            }
            if (kind == WorkloadKind.FANOUT) {
                defaults.append(" fanout=").append(kind.defaultFanout());
            }
            out.printf("%-10s %s (defaults: %s)%n", kind.id(), kind.description(), defaults);
        }
        out.flush();
        return 0;
    }
}

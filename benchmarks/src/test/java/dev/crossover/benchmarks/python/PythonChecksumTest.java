package dev.crossover.benchmarks.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.core.Distribution;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Python port computes what the Java core computes: for the same workload, seed and kernel units,
 * the reference checksum (and the injected failures) of {@code python -m crossover_py reference} is
 * {@link Workload#referenceChecksum()}, and every Python model's fixed-count run reaches it. Skipped,
 * saying why, without a Python ≥ 3.11 on the PATH.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PythonChecksumTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PythonRuntime python;
    private static PythonPackage pkg;

    @BeforeAll
    static void findPython() {
        PythonRuntime.Found found = PythonRuntime.find(null, System.getenv("PATH"));
        Assumptions.assumeTrue(found.runtime().isPresent(), "skipped: " + found.words());
        python = found.runtime().get();
        pkg = PythonPackage.unpack();
    }

    @AfterAll
    static void deletePackage() {
        if (pkg != null) {
            pkg.close();
        }
    }

    /** A workload, and the same one as the Python command line's flags. */
    record Case(Workload workload, List<String> flags) {
    }

    private static Case of(WorkloadKind kind, long seed, int tasks, long units, Duration io, int fanout, double failRate,
                           String ioDist, String cpuDist) {
        Workload.Builder b = Workload.builder(kind).seed(seed).tasks(tasks).concurrency(1).io(io).fanout(fanout)
                .failRate(failRate).ioDist(Distribution.parse(ioDist)).cpuDist(Distribution.parse(cpuDist));
        b.cpuUnits(units);
        Workload w = b.build();
        List<String> flags = new ArrayList<>(List.of("--workload", kind.id(), "--seed", Long.toString(seed), "--tasks",
                Integer.toString(tasks), "--cpu-units", Long.toString(w.cpuUnits()), "--cpu-nanos",
                Long.toString(w.cpuNanos()), "--io", io.toNanos() + "ns", "--fanout", Integer.toString(fanout),
                "--fail-rate", Double.toString(failRate), "--io-dist", ioDist, "--cpu-dist", cpuDist));
        return new Case(w, flags);
    }

    static List<Case> cases() {
        return List.of(
                of(WorkloadKind.CPU, 42, 300, 100, Duration.ZERO, 1, 0, "fixed", "fixed"),
                of(WorkloadKind.CPU, 1, 200, 1, Duration.ZERO, 1, 0.1, "fixed", "fixed"),
                of(WorkloadKind.MIXED, -7, 400, 37, Duration.ofMillis(10), 1, 0.1, "uniform:20%", "fixed"),
                of(WorkloadKind.FANOUT, 123_456_789_012_345L, 300, 5, Duration.ofMillis(10), 8, 0.02, "fixed", "uniform:50%"),
                of(WorkloadKind.SLEEP, 3, 500, 0, Duration.ofMillis(10), 1, 0.05, "spike:5%:50ms", "fixed"),
                of(WorkloadKind.MIXED, Long.MIN_VALUE, 100, 250, Duration.ofMillis(1), 1, 0, "fixed", "spike:10%:1ms"));
    }

    private static JsonNode python(String command, List<String> flags) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(flags);
        PythonProcess.Result r = PythonProcess.run(python, pkg, 60, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), "python " + args + ": " + r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void referenceChecksumsAndFailuresAreJavasForEverySeedAndUnitCount() throws Exception {
        for (Case c : cases()) {
            JsonNode py = python("reference", c.flags());
            assertEquals(c.workload().referenceChecksum(), py.get("checksum").asLong(), c.flags().toString());
            assertEquals(c.workload().expectedFailures(), py.get("expectedFailures").asInt(), c.flags().toString());
        }
    }

    @Test
    void everyPythonModelReachesJavasChecksum() throws Exception {
        PythonProcess.Result listed = PythonProcess.run(python, pkg, 60, "models");
        List<String> models = listed.out().lines().filter(l -> !l.contains("unavailable")).toList();
        assertTrue(models.containsAll(List.of("py-asyncio", "py-asyncio-offload", "py-threads", "py-processes")), listed.out());
        Case c = of(WorkloadKind.MIXED, 99, 120, 20, Duration.ofMillis(2), 1, 0.1, "uniform:50%", "fixed");
        for (String model : models) {
            List<String> flags = new ArrayList<>(c.flags());
            flags.addAll(List.of("--model", model, "--concurrency", "8"));
            JsonNode run = python("fixed", flags);
            assertEquals(c.workload().referenceChecksum(), run.get("checksum").asLong(), model);
            assertEquals(c.workload().expectedFailures(), run.get("failed").asInt(), model);
            assertEquals(120, run.get("completed").asInt() + run.get("failed").asInt(), model);
        }
    }
}

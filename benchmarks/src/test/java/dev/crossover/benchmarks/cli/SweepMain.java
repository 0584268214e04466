package dev.crossover.benchmarks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.benchmarks.Profile;
import dev.crossover.benchmarks.Profile.Point;
import dev.crossover.core.Kernel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SweepTest}'s sweep, run in a JVM of its own ({@link dev.crossover.benchmarks.ForkedJvm}):
 * one point that runs, one that fails in its fork (a model id no provider has) and one left out (a
 * model that rejects fan-out), at the smoke profile's settings, into {@code args[0]}. Progress goes
 * to {@code progress.txt} there; standard output gets the outcome as one JSON object.
 */
final class SweepMain {
    static final String MIXED = "dev.crossover.benchmarks.MixedBenchmark.run";
    static final Map<String, String> GOOD = Map.of("model", "threads-virtual", "concurrency", "3",
            "ioMillis", "1", "cpuMicros", "100");
    static final Map<String, String> BAD;
    /** A calibration the test chooses, so the forks' kernel units are known: 100 us at 7 units/us. */
    static final Kernel.Calibration CALIBRATION = new Kernel.Calibration(7.0);

    static {
        Map<String, String> bad = new TreeMap<>(GOOD);
        bad.put("model", "no-such-model");
        BAD = Map.copyOf(bad);
    }

    private SweepMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Profile.Plan fanout = Profile.SMOKE.plan(List.of("threads-forkjoin"), p -> p.benchmark().contains("Fanout"),
                new RunCommand.FanoutSupport(), 2);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("fanoutPoints", fanout.points().size());
        try (PrintStream progress = new PrintStream(Files.newOutputStream(dir.resolve("progress.txt")), true,
                StandardCharsets.UTF_8)) {
            Sweep sweep = new Sweep(Profile.SMOKE, new Profile.Plan(List.of(new Point(MIXED, GOOD), new Point(MIXED, BAD)),
                    new ArrayList<>(fanout.excluded())), dir, progress, CALIBRATION, OtherLoad.DEFAULT_THRESHOLD);
            Sweep.Outcome o = sweep.run();
            outcome.put("interrupted", o.interrupted());
            outcome.put("failed", o.failed().stream().map(Point::params).toList());
            outcome.put("otherLoadKnown", o.otherLoad().isPresent());
        }
        System.out.println(new ObjectMapper().writeValueAsString(outcome));
    }
}

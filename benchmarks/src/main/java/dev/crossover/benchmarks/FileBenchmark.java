package dev.crossover.benchmarks;

import dev.crossover.core.IoOptions;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * File I/O: each task writes {@code bytes} to a file of its own, forces it to the device and reads
 * it back, at most {@code concurrency} at once; the files live in a temporary directory made per
 * trial and removed at its end.
 *
 * <h2>What it measures</h2>
 * Tasks per second ({@code completed} in JMH's secondary metrics) of "reading or writing large
 * files" (000) under each model's idiom: files have no readiness on Linux, so the loops offload
 * the round trip to threads (as asyncio's {@code to_thread}), threads and virtual threads block.
 *
 * <h2>What to expect</h2>
 * No model waits on a timer here: the device's {@code fsync} rate bounds every model alike, and the
 * differences are what offloading costs next to blocking. {@code ioMillis} is always 0; it is a
 * param so that every workload's results carry the same keys.
 *
 * <h2>How to run</h2>
 * {@snippet :
 * java -jar benchmarks/target/benchmarks.jar FileBenchmark -p model=threads-virtual -p concurrency=16
 * }
 */
@State(Scope.Benchmark)
public class FileBenchmark extends WorkloadBenchmark {
    @Param("0")
    public int ioMillis;

    @Param("0")
    public int cpuMicros;

    /** Bytes per file. */
    @Param("65536")
    public int bytes;

    private Path directory;

    @Override
    protected Workload.Builder workload() {
        return builder(WorkloadKind.FILE, ioMillis, cpuMicros).bytes(bytes);
    }

    @Override
    protected ModelOptions beforeTrial(Workload workload) {
        try {
            directory = Files.createTempDirectory("crossover-file-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ModelOptions.defaults().withIo(IoOptions.none().withDirectory(directory));
    }

    @Override
    protected void afterTrial() {
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // already gone
            }
            directory = null;
        }
    }

    /** One slice of the running load: sleeps, then counts what finished (see {@link WorkloadBenchmark}). */
    @Benchmark
    public long run(TaskCounters counters) {
        return slice(counters);
    }
}

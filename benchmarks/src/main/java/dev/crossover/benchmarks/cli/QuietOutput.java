package dev.crossover.benchmarks.cli;

import java.io.IOException;
import java.util.Collection;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's console output with the per-iteration chatter left out: the {@code run} command prints
 * one progress line per point instead. What JMH prints as free text (a forked JVM's output, a
 * benchmark's exception, warnings) still goes through, so a failing point shows why.
 */
final class QuietOutput implements OutputFormat {
    private final OutputFormat delegate;

    QuietOutput(OutputFormat delegate) {
        this.delegate = delegate;
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
                                IterationResult data) {
    }

    @Override
    public void startBenchmark(BenchmarkParams benchParams) {
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
    }

    @Override
    public void startRun() {
    }

    @Override
    public void endRun(Collection<RunResult> result) {
    }

    @Override
    public void print(String s) {
        delegate.print(s);
    }

    @Override
    public void println(String s) {
        if (!s.isBlank() && !s.startsWith("# ")) {  // JMH's run-progress and fork headers
            delegate.println(s);
        }
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.flush();  // the delegate writes to a stream the command still uses
    }

    @Override
    public void verbosePrintln(String s) {
    }

    @Override
    public void write(int b) {
        delegate.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        delegate.write(b);
    }
}

package dev.crossover.reports.crossover;

/**
 * The physical throughput limit of a workload point: with wait w and CPU c per task (seconds),
 * concurrency C and K cores, {@code min(C / (w + c), K / c)}, or {@code C / w} when c = 0.
 */
public final class Ideal {
    private Ideal() {
    }

    /** {@return the ideal tasks per second, or NaN when it is unknown (no work, or CPU work and unknown cores)} */
    public static double throughput(double ioMillis, double cpuMicros, int concurrency, int cores) {
        double w = ioMillis / 1000.0;
        double c = cpuMicros / 1e6;
        if (concurrency <= 0 || w < 0 || c < 0 || w + c == 0) {
            return Double.NaN;
        }
        if (c == 0) {
            return concurrency / w;
        }
        if (cores <= 0) {
            return Double.NaN;
        }
        return Math.min(concurrency / (w + c), cores / c);
    }

    /** {@return the CPU share c / (w + c) of a task, NaN when it does no work} */
    public static double cpuShare(double ioMillis, double cpuMicros) {
        double w = ioMillis / 1000.0;
        double c = cpuMicros / 1e6;
        return w + c == 0 ? Double.NaN : c / (w + c);
    }
}

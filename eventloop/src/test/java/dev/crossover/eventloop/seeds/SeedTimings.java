package dev.crossover.eventloop.seeds;

/** A throwaway look at the seeds' timings (the coordinator's {@code seeds} command is the real one). */
public final class SeedTimings {
    public static void main(String[] args) {
        Scale scale = new Scale(args.length > 0 ? Double.parseDouble(args[0]) : 0.1);
        for (SeedExample example : SeedExamples.all()) {
            SeedResult r = example.run(scale);
            System.out.printf("%-18s expected %7.1f ms  measured %7.1f ms  ratio %.3f%n", r.name(), r.expectedMillis(),
                    r.measuredMillis(), r.ratio());
        }
    }
}

package dev.crossover.benchmarks.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.eventloop.seeds.Scale;
import dev.crossover.eventloop.seeds.SeedExample;
import dev.crossover.eventloop.seeds.SeedExamples;
import dev.crossover.eventloop.seeds.SeedResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seeds}: runs each worked example of the seed articles with its durations scaled and
 * prints the time the article implies against the time measured here.
 */
@Command(name = "seeds", description = "Runs the seed articles' examples, scaled, and prints expected against measured time.")
public final class SeedsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scale", defaultValue = "0.1", description = "Multiplies every duration (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--json", description = "Print a JSON array of {name, article, expectedMillis, measuredMillis, ratio}.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Scale factor = new Scale(scale);
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!json) {
            out.printf("%-32s %-7s %12s %12s %7s%n", "example", "article", "expected ms", "measured ms", "ratio");
        }
        for (SeedExample example : SeedExamples.all()) {
            SeedResult r = example.run(factor);
            if (json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", r.name());
                row.put("article", r.article());
                row.put("expectedMillis", r.expectedMillis());
                row.put("measuredMillis", r.measuredMillis());
                row.put("ratio", r.ratio());
                row.put("output", r.output());
                rows.add(row);
            } else {
                out.printf("%-32s %-7s %12.1f %12.1f %7.3f%n", r.name(), r.article(), r.expectedMillis(),
                        r.measuredMillis(), r.ratio());
                out.flush();
            }
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(rows));
        }
        out.flush();
        return 0;
    }
}

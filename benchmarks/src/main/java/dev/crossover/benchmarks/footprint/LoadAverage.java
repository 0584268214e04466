package dev.crossover.benchmarks.footprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The machine's load averages over 1, 5 and 15 minutes, from {@code /proc/loadavg}. */
final class LoadAverage {
    private LoadAverage() {
    }

    /** {@return the three load averages now, empty when unknown (not Linux)} */
    static List<Double> now() {
        try {
            return parse(String.join(" ", Files.readAllLines(Path.of("/proc/loadavg"), StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static List<Double> parse(String loadavg) {
        String[] words = loadavg.strip().split("\\s+");
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < Math.min(3, words.length); i++) {
            out.add(Double.parseDouble(words[i]));
        }
        return out;
    }
}

package dev.crossover.reports.html;

import dev.crossover.reports.crossover.RunFiles;
import dev.crossover.reports.crossover.Sidecar;
import java.util.Comparator;
import java.util.List;

/**
 * How a run's point records say its work was checked against the reference.
 *
 * @param words   such as "40 points: 28 checked in full, 12 on a seeded sample; every check passed", or empty
 * @param warning the points whose check failed, or empty
 */
record Verified(String words, String warning) {
    /** {@return what the point records' {@code verification} fields say, empty when none has one} */
    static Verified of(RunFiles files) {
        List<Sidecar> checked = files.points().values().stream().filter(x -> x.steady().verification() != null)
                .sorted(Comparator.comparing(Sidecar::benchmark).thenComparing(x -> x.params().toString()))
                .toList();
        if (checked.isEmpty()) {
            return new Verified("", "");
        }
        long full = checked.stream().filter(x -> x.steady().verification().method().equals("full")).count();
        List<String> failed = checked.stream().filter(x -> !x.steady().verification().allPassed())
                .map(x -> x.benchmark().substring(x.benchmark().lastIndexOf('.', x.benchmark().lastIndexOf('.') - 1) + 1)
                        + " " + ReportBuilder.paramsLabel(x.params()) + " (" + x.steady().verification().method()
                        + " check of " + x.steady().verification().checked() + " tasks failed)")
                .toList();
        String words = checked.size() + " point" + (checked.size() == 1 ? "" : "s") + ": " + full + " checked in full, "
                + (checked.size() - full) + " on a seeded sample; "
                + (failed.isEmpty() ? "every check passed" : failed.size() + " failed");
        String warning = failed.isEmpty() ? "" : "Results that do not match the reference: " + String.join("; ", failed)
                + ". Those points did not do the work they report.";
        return new Verified(words, warning);
    }
}

package dev.crossover.reports.compare;

import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Comparison} as GitHub-flavoured Markdown, for a step summary or a pull-request
 * comment: a heading with the summary, what was compared, the warnings, then a table of the points
 * that moved or could not be judged, worst first, and the unchanged points folded away below it.
 */
public final class MarkdownSummary {
    private MarkdownSummary() {
    }

    /** {@return the Markdown summary of {@code comparison} between {@code base} and {@code current}} */
    public static String of(Comparison comparison, Side base, Side current) {
        StringBuilder md = new StringBuilder("### Crossover compare: ").append(comparison.summary()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Threshold %s; a point regresses only when it is worse by more and "
                        + "beyond noise. Baseline: %s. Current: %s.%n%n",
                trim(comparison.options().threshold() * 100) + "%", describe(base), describe(current)));
        for (String w : ComparisonWriter.warnings(comparison)) {
            md.append("> [!WARNING]\n> ").append(escape(w)).append("\n\n");
        }
        List<Change> moved = comparison.changes().stream().filter(c -> c.verdict() != Verdict.UNCHANGED).toList();
        List<Change> unchanged = comparison.changes().stream().filter(c -> c.verdict() == Verdict.UNCHANGED).toList();
        if (moved.isEmpty()) {
            md.append("No point moved beyond the threshold and the noise.\n\n");
        } else {
            table(md, moved);
        }
        if (!unchanged.isEmpty()) {
            md.append("<details><summary>").append(unchanged.size()).append(" unchanged</summary>\n\n");
            table(md, unchanged);
            md.append("</details>\n");
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<Change> changes) {
        md.append("| verdict | benchmark | point | metric | baseline | current | change | note |\n");
        md.append("|---|---|---|---|---:|---:|---:|---|\n");
        for (Change c : changes) {
            String point = c.key().label().substring(c.key().shortName().length()).strip();
            String verdict = c.verdict() == Verdict.REGRESSED ? "**REGRESSED**" : c.verdict().name();
            md.append("| ").append(verdict)
                    .append(" | ").append(escape(c.key().shortName()))
                    .append(" | `").append(point.replace("`", "'").replace("|", "\\|")).append('`')
                    .append(" | ").append(escape(c.metric()))
                    .append(" | ").append(escape(ComparisonWriter.measurement(c.baseline()) + " " + c.unit()))
                    .append(" | ").append(escape(ComparisonWriter.measurement(c.current()) + " " + c.unit()))
                    .append(" | ").append(Double.isNaN(c.change()) ? "" : ComparisonWriter.percent(c.change()))
                    .append(" | ").append(escape(c.note()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String describe(Side side) {
        String files = side.files().isEmpty() ? "(results)" : String.join(", ", side.files().stream()
                .map(f -> "`" + f + "`").toList());
        String rounds = side.files().size() > 1 ? side.files().size() + " rounds, " : "";
        String commit = side.environment().map(RunEnvironment::gitCommit)
                .map(c -> " at commit `" + c.substring(0, Math.min(12, c.length())) + "`"
                        + (Boolean.TRUE.equals(side.environment().get().gitDirty()) ? " (dirty)" : ""))
                .orElse("");
        return rounds + files + commit;
    }

    /** Escapes what would end a table cell or start markup: pipes, angle brackets, and line breaks. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("[\\r\\n]+", " ");
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}

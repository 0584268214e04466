package dev.crossover.reports.html;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders the report view through {@code report.peb} (and the history page through {@code history.peb}),
 * Pebble templates with HTML autoescaping on:
 * every value from a result file is escaped; only the charts' SVG, drawn by JFreeSVG, is inserted raw.
 */
public final class HtmlWriter {
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(loader())
            .autoEscaping(true)
            .defaultEscapingStrategy("html")
            .strictVariables(true)
            .cacheActive(false)
            .build();

    private HtmlWriter() {
    }

    private static ClasspathLoader loader() {
        ClasspathLoader loader = new ClasspathLoader(HtmlWriter.class.getClassLoader());
        loader.setPrefix("dev/crossover/reports/html");
        return loader;
    }

    /** {@return the report as one self-contained HTML document} */
    public static String render(Views.Report report) {
        return render(report, java.util.List.of());
    }

    /** {@return the report with the footprint sections of its runs} */
    public static String render(Views.Report report, java.util.List<FootprintSection.View> footprint) {
        return render("report.peb", Map.of("r", report, "footprint", footprint));
    }

    /** {@return the template {@code name} of this package's resources rendered with {@code context}} */
    public static String render(String name, Map<String, Object> context) {
        PebbleTemplate template = ENGINE.getTemplate(name);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

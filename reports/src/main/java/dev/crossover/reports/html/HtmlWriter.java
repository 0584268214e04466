package dev.crossover.reports.html;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders the report view through {@code report.peb}, a Pebble template with HTML autoescaping on:
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
        PebbleTemplate template = ENGINE.getTemplate("report.peb");
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, Map.of("r", report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

package dev.crossover.reports.compare;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link Comparison} as JUnit XML, the format CI servers show as test results.
 *
 * <h2>Format</h2>
 * One {@code <testsuite name="crossover.compare">} with a {@code <testcase>} per point, worst first:
 * {@code classname} is the benchmark ({@code SleepBenchmark.run}), {@code name} the mode, params and
 * metric. A {@link Verdict#REGRESSED} point has a {@code <failure>} whose message is the line
 * {@code compare} prints; so has a {@link Verdict#MISSING} one with {@code failOnMissing}, else it
 * is {@code <skipped>}, as is a {@link Verdict#UNITS_DIFFER} one. Every other point passes, its
 * line in {@code <system-out>}. The suite's {@code <system-out>} holds the summary and the warnings.
 */
public final class JunitReport {
    /** The suite's name. */
    public static final String SUITE = "crossover.compare";

    private JunitReport() {
    }

    /** {@return the comparison as a JUnit XML document} */
    public static String xml(Comparison comparison, boolean failOnMissing) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", SUITE);
            x.writeAttribute("tests", Integer.toString(comparison.changes().size()));
            x.writeAttribute("failures", Long.toString(comparison.changes().stream()
                    .filter(c -> failed(c, failOnMissing)).count()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", Long.toString(comparison.changes().stream()
                    .filter(c -> skipped(c, failOnMissing)).count()));
            x.writeAttribute("time", "0");
            for (Change c : comparison.changes()) {
                testcase(x, c, failOnMissing);
            }
            x.writeCharacters("\n    ");
            x.writeStartElement("system-out");
            StringBuilder out = new StringBuilder(comparison.summary());
            ComparisonWriter.warnings(comparison).forEach(w -> out.append('\n').append("warning: ").append(w));
            x.writeCharacters(out.toString());
            x.writeEndElement();
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("comparison: not writable as XML (expected: plain text values)", e);
        }
        return text.toString();
    }

    private static void testcase(XMLStreamWriter x, Change c, boolean failOnMissing) throws XMLStreamException {
        String line = ComparisonWriter.line(c);
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", c.key().shortName());
        String label = c.key().label();
        x.writeAttribute("name", label.substring(c.key().shortName().length()).strip() + " " + c.metric());
        x.writeAttribute("time", "0");
        x.writeCharacters("\n      ");
        if (failed(c, failOnMissing)) {
            x.writeStartElement("failure");
            x.writeAttribute("type", c.verdict().name());
            x.writeAttribute("message", line);
            x.writeCharacters(line);
            x.writeEndElement();
        } else if (skipped(c, failOnMissing)) {
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", line);
        } else {
            x.writeStartElement("system-out");
            x.writeCharacters(line);
            x.writeEndElement();
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
    }

    private static boolean failed(Change c, boolean failOnMissing) {
        return c.verdict() == Verdict.REGRESSED || failOnMissing && c.verdict() == Verdict.MISSING;
    }

    private static boolean skipped(Change c, boolean failOnMissing) {
        return c.verdict() == Verdict.UNITS_DIFFER || !failOnMissing && c.verdict() == Verdict.MISSING;
    }
}

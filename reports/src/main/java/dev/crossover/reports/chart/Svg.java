package dev.crossover.reports.chart;

import java.awt.geom.Rectangle2D;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Renders a chart as an inline {@code <svg>} element. Each chart gets its own prefix for the ids
 * JFreeSVG defines (clip paths, gradients), so many charts can share one HTML page.
 */
public final class Svg {
    private static final AtomicInteger NEXT = new AtomicInteger();

    static {
        // JFreeChart's workaround draws rotated text (the y-axis labels) through a TextLayout,
        // which JFreeSVG turns into glyph outlines; plain drawString keeps them as <text>,
        // searchable and readable by screen readers.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private Svg() {
    }

    /** Keeps the SVG small: two decimals are far below a pixel. */
    static String twoDecimals(double x) {
        String s = String.format(java.util.Locale.ROOT, "%.2f", x);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** {@return the chart drawn as an {@code <svg>} element that scales to its container's width} */
    public static String of(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("c" + NEXT.incrementAndGet() + "_");
        g.setRenderingHint(org.jfree.svg.SVGHints.KEY_DRAW_STRING_TYPE, org.jfree.svg.SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        g.setGeomDoubleConverter(Svg::twoDecimals);
        g.setTransformDoubleConverter(Svg::twoDecimals);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    }
}

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

    private Svg() {
    }

    /** {@return the chart drawn as an {@code <svg>} element that scales to its container's width} */
    public static String of(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("c" + NEXT.incrementAndGet() + "_");
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    }
}

package dev.crossover.reports.chart;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Horizontal bar charts for benchmarks of any project: one bar per method and params, one colour
 * per source, error bars showing JMH's 99.9% confidence interval.
 */
public final class BarCharts {
    /** Okabe-Ito without black and yellow (too heavy, too faint as bars): one per source. */
    private static final List<Color> SOURCE_COLOURS = List.of(new Color(0x0072B2), new Color(0xD55E00),
            new Color(0x009E73), new Color(0xE69F00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x999999));

    private BarCharts() {
    }

    /**
     * One bar.
     *
     * @param source   the source's label (one colour each)
     * @param category the method and params
     * @param score    the score
     * @param error    the interval's half-width, NaN when unknown
     */
    public record Bar(String source, String category, double score, double error) {
    }

    /** {@return the bars as an inline SVG horizontal bar chart with {@code axisLabel} on the value axis} */
    public static String of(String title, String axisLabel, List<Bar> bars, List<String> sources) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Bar b : bars) {
            data.add(finite(b.score()), finite(b.error()), b.source(), b.category());
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, SOURCE_COLOURS.get(sources.indexOf((String) data.getRowKey(i)) % SOURCE_COLOURS.size()));
        }
        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelFont(LineCharts.TICK);
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis values = new NumberAxis(axisLabel);
        values.setLabelFont(LineCharts.LABEL);
        values.setTickLabelFont(LineCharts.TICK);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, LineCharts.TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LineCharts.TICK);
        int rows = data.getColumnCount() * Math.max(1, data.getRowCount());
        return Svg.of(chart, 760, Math.min(2400, 140 + 26 * rows));
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : 0;
    }
}

package dev.crossover.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Charts of a value against concurrency on a log axis, one line per model with its 99.9%
 * confidence interval as error bars; and latency against offered load, one line per model.
 */
public final class LineCharts {
    static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
    static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
    static final Font TICK = new Font("SansSerif", Font.PLAIN, 11);
    static final int WIDTH = 640;
    static final int HEIGHT = 420;

    private LineCharts() {
    }

    /** {@return the throughput chart (log-log) as inline SVG; {@code ideal} is drawn dashed grey when not empty} */
    public static String throughput(String title, List<Line> lines, List<Line.XY> ideal, Palette palette) {
        double[] range = range(lines, ideal);
        boolean log = range[1] / range[0] >= 30;
        ValueAxis y = log ? logAxis("throughput (completed tasks/s, log scale)", range)
                : new NumberAxis("throughput (completed tasks/s)");
        JFreeChart chart = chart(title, lines, ideal, palette, concurrencyAxis(lines), y, log);
        return Svg.of(chart, WIDTH, HEIGHT);
    }

    /**
     * {@return latency against offered load as inline SVG}: x the offered rate (tasks/s), y a latency
     * in milliseconds, each on a log scale when its values span a decade or more. Lines whose
     * {@code dash} is above 0 are drawn dashed (service time beside latency from intended start);
     * {@code sloMillis}, when positive, is drawn as a grey dashed level named {@code sloLabel}.
     */
    public static String latencyVsLoad(String title, String yLabel, List<Line> lines, double sloMillis, String sloLabel,
                                       Palette palette) {
        double[] xs = range(lines, List.of(), true);
        List<Line.XY> slo = sloMillis > 0 ? List.of(new Line.XY(xs[0], sloMillis, sloMillis, sloMillis),
                new Line.XY(xs[1], sloMillis, sloMillis, sloMillis)) : List.of();
        double[] ys = range(lines, slo);
        boolean logX = xs[1] / xs[0] >= 10;
        boolean logY = ys[1] / ys[0] >= 10;
        String xLabel = "offered rate (tasks/s" + (logX ? ", log scale)" : ")");
        ValueAxis x = logX ? logAxis(xLabel, xs) : new NumberAxis(xLabel);
        if (!logX) {
            x.setLabelFont(LABEL);
            x.setTickLabelFont(TICK);
            ((NumberAxis) x).setAutoRangeIncludesZero(true);
        }
        ValueAxis y = logY ? logAxis(yLabel + ", log scale", ys) : new NumberAxis(yLabel);
        JFreeChart chart = chart(title, lines, List.of(), palette, x, y, logY);
        if (!slo.isEmpty()) {
            XYPlot plot = (XYPlot) chart.getPlot();
            YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
            YIntervalSeries series = new YIntervalSeries(sloLabel, true, true);
            slo.forEach(p -> series.add(p.x(), p.y(), p.y(), p.y()));
            data.addSeries(series);
            XYErrorRenderer renderer = (XYErrorRenderer) plot.getRenderer();
            int s = data.getSeriesCount() - 1;
            renderer.setSeriesPaint(s, new Color(0x777777));
            renderer.setSeriesStroke(s, dashed(1, 1.5f));
            renderer.setSeriesShapesVisible(s, false);
        }
        return Svg.of(chart, WIDTH, HEIGHT);
    }

    /** {@return the efficiency chart (measured ÷ ideal, 1 = the physical limit) as inline SVG} */
    public static String efficiency(String title, List<Line> lines, Palette palette) {
        NumberAxis y = new NumberAxis("efficiency (measured \u00f7 ideal)");
        double top = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(Line.XY::y)
                .filter(Double::isFinite).max().orElse(1);
        y.setRange(0, Math.max(1.1, top * 1.1));
        JFreeChart chart = chart(title, lines, List.of(), palette, concurrencyAxis(lines), y, false);
        ValueMarker limit = new ValueMarker(1.0, Color.GRAY, dashed(1, 1.0f));
        ((XYPlot) chart.getPlot()).addRangeMarker(limit);
        return Svg.of(chart, WIDTH, HEIGHT);
    }

    private static LogAxis concurrencyAxis(List<Line> lines) {
        LogAxis x = logAxis("concurrency C (tasks in flight, log scale)", range(lines, List.of(), true));
        x.setSmallestValue(0.5);
        return x;
    }

    private static JFreeChart chart(String title, List<Line> lines, List<Line.XY> ideal, Palette palette,
                                    ValueAxis x, ValueAxis y, boolean logY) {
        boolean logX = x instanceof LogAxis;
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(6);
        renderer.setErrorStroke(new BasicStroke(1.2f));
        renderer.setErrorPaint(null);
        int s = 0;
        for (Line line : lines) {
            YIntervalSeries series = new YIntervalSeries(line.label(), true, true);
            for (Line.XY p : line.points()) {
                if (!Double.isFinite(p.y()) || logY && !(p.y() > 0) || logX && !(p.x() > 0)) {
                    continue;
                }
                double low = Double.isFinite(p.low()) ? p.low() : p.y();
                double high = Double.isFinite(p.high()) ? p.high() : p.y();
                if (logY) {
                    low = Math.max(low, p.y() / 100);
                }
                series.add(p.x(), p.y(), low, high);
            }
            data.addSeries(series);
            renderer.setSeriesPaint(s, palette.colour(line.model()));
            renderer.setSeriesStroke(s, dashed(line.dash() + palette.cycle(line.model()), 2.0f));
            s++;
        }
        if (!ideal.isEmpty()) {
            YIntervalSeries series = new YIntervalSeries("ideal bound", true, true);
            ideal.forEach(p -> series.add(p.x(), p.y(), p.y(), p.y()));
            data.addSeries(series);
            renderer.setSeriesPaint(s, new Color(0x777777));
            renderer.setSeriesStroke(s, dashed(1, 1.5f));
            renderer.setSeriesShapesVisible(s, false);
        }
        y.setLabelFont(LABEL);
        y.setTickLabelFont(TICK);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(TICK);
        return chart;
    }

    /** {@return the smallest and largest positive y (or x) of the lines, {1, 1} when there is none} */
    static double[] range(List<Line> lines, List<Line.XY> extra) {
        return range(lines, extra, false);
    }

    static double[] range(List<Line> lines, List<Line.XY> extra, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        List<Line.XY> all = new java.util.ArrayList<>(extra);
        lines.forEach(l -> all.addAll(l.points()));
        for (Line.XY p : all) {
            double v = x ? p.x() : p.y();
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi == 0 ? new double[] {1, 1} : new double[] {lo, hi};
    }

    /** A log axis ticked at every decade, or at every doubling when the data spans less than one decade. */
    static LogAxis logAxis(String label, double[] range) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(range[1] / range[0] >= 10 ? 1.0 : Math.log10(2)));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        axis.setSmallestValue(1e-9);
        return axis;
    }

    static Stroke dashed(int dash, float width) {
        if (dash == 0) {
            return new BasicStroke(width);
        }
        float on = 2 + 4f * dash;
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {on, 4f}, 0f);
    }
}

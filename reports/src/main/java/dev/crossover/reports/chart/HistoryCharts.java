package dev.crossover.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A point's series over a history: its value per run (run 1 the oldest), each segment's mean
 * between change points as a flat line, a red dashed line at each change point, and a grey one
 * where the method version changed.
 */
public final class HistoryCharts {
    static final int WIDTH = 760;
    static final int HEIGHT = 300;
    private static final Color VALUE = new Color(0x0072B2);
    private static final Color MEAN = new Color(0x009E73);
    private static final Color CHANGE = new Color(0xD55E00);

    private HistoryCharts() {
    }

    /**
     * A segment's mean.
     *
     * @param from the first run number of the segment
     * @param to   the last run number of the segment
     * @param mean its mean
     */
    public record Segment(double from, double to, double mean) {
    }

    /**
     * {@return the chart as inline SVG}
     *
     * @param runs      the run number of each value (1 the oldest)
     * @param values    the values
     * @param segments  the segments between change points, oldest first
     * @param changes   the run numbers where a change point starts a new level
     * @param eras      the run numbers where the method version changed
     */
    public static String series(String title, String yLabel, double[] runs, double[] values, List<Segment> segments,
                                List<Double> changes, List<Double> eras) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries measured = new XYSeries("measured", false, true);
        for (int i = 0; i < runs.length; i++) {
            measured.add(runs[i], values[i]);
        }
        data.addSeries(measured);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, VALUE);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        int s = 1;
        for (Segment seg : segments) {
            XYSeries mean = new XYSeries(s == 1 ? "segment mean" : "segment mean " + s, false, true);
            mean.add(seg.from(), seg.mean());
            mean.add(seg.to(), seg.mean());
            data.addSeries(mean);
            renderer.setSeriesPaint(s, MEAN);
            renderer.setSeriesStroke(s, new BasicStroke(2.5f));
            renderer.setSeriesShapesVisible(s, false);
            renderer.setSeriesVisibleInLegend(s, s == 1);
            s++;
        }
        NumberAxis x = new NumberAxis("run (oldest first)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setLabelFont(LineCharts.LABEL);
        x.setTickLabelFont(LineCharts.TICK);
        double last = runs.length == 0 ? 1 : runs[runs.length - 1];
        x.setRange(0.5, Math.max(1.5, last + 0.5));
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        y.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        y.setLabelFont(LineCharts.LABEL);
        y.setTickLabelFont(LineCharts.TICK);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        for (double c : changes) {
            plot.addDomainMarker(marker(c - 0.5, CHANGE, "change"));
        }
        for (double e : eras) {
            plot.addDomainMarker(marker(e - 0.5, Color.GRAY, "method version"));
        }
        JFreeChart chart = new JFreeChart(title, LineCharts.TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LineCharts.TICK);
        return Svg.of(chart, WIDTH, HEIGHT);
    }

    private static ValueMarker marker(double at, Color colour, String label) {
        ValueMarker m = new ValueMarker(at, colour, LineCharts.dashed(1, 2f));
        m.setLabel(label);
        m.setLabelFont(LineCharts.TICK);
        m.setLabelPaint(colour);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return m;
    }
}

package dev.crossover.reports.chart;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Memory against tasks held, one line per model, both axes on a log scale. */
public final class FootprintChart {
    private FootprintChart() {
    }

    /**
     * {@return the chart as inline SVG}: x the tasks held (N), y the memory they added in MB; points
     * at or below zero (noise at small N) are left out, as a log axis cannot show them
     */
    public static String memory(String title, List<Line> lines, Palette palette) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int s = 0;
        for (Line line : lines) {
            XYSeries series = new XYSeries(line.label(), true, false);
            line.points().stream().filter(p -> p.x() > 0 && p.y() > 0 && Double.isFinite(p.y()))
                    .forEach(p -> series.add(p.x(), p.y()));
            data.addSeries(series);
            renderer.setSeriesPaint(s, palette.colour(line.model()));
            renderer.setSeriesStroke(s, LineCharts.dashed(palette.cycle(line.model()), 2.0f));
            s++;
        }
        LogAxis x = LineCharts.logAxis("tasks held (N, log scale)", LineCharts.range(lines, List.of(), true));
        LogAxis y = LineCharts.logAxis("memory the tasks added (MB of Pss, log scale)", LineCharts.range(lines, List.of()));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, LineCharts.TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LineCharts.TICK);
        return Svg.of(chart, LineCharts.WIDTH, LineCharts.HEIGHT);
    }
}

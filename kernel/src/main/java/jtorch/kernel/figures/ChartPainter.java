package jtorch.kernel.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Turns a {@link Figure} into a JFreeChart chart styled like matplotlib's defaults (white
 * background, the tab10 colour cycle, a legend inside the axes) and draws it. Images
 * ({@code imshow}) are assembled by {@link ImagePainter}.
 */
final class ChartPainter {
    static final Color[] TAB10 = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color GRID = new Color(0xdddddd);
    static final Color SPINE = new Color(0x333333);

    private ChartPainter() {}

    static Png.Drawing paint(Figure figure) {
        JFreeChart chart = chart(figure);
        return (g, width, height) -> chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    }

    static JFreeChart chart(Figure figure) {
        List<Layer> layers = figure.layers();
        Plot plot;
        if (layers.isEmpty() || layers.get(0).kind.numericAxes()) {
            plot = xyPlot(figure);
        } else if (layers.get(0).kind == Layer.Kind.BAR) {
            plot = barPlot(figure);
        } else {
            return ImagePainter.chart(figure, layers.get(0));
        }
        JFreeChart chart = new JFreeChart(null, TITLE_FONT, plot, false);
        style(chart, figure);
        if (plot instanceof CategoryPlot && showLegend(figure)) {
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(TICK_FONT);
            legend.setFrame(new BlockBorder(GRID));
            legend.setPosition(RectangleEdge.RIGHT);
            chart.addLegend(legend);
        }
        return chart;
    }

    static void style(JFreeChart chart, Figure figure) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        if (figure.title != null) {
            chart.setTitle(new TextTitle(figure.title, TITLE_FONT));
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(SPINE);
        plot.setOutlineStroke(new BasicStroke(1f));
    }

    private static XYPlot xyPlot(Figure figure) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(figure.xlabel, figure.logX, figure.xlim, false, false));
        boolean counts = figure.layers.stream().anyMatch(l -> l.kind == Layer.Kind.HIST);
        plot.setRangeAxis(axis(figure.ylabel, figure.logY, figure.ylim, counts, true));
        grid(plot, figure.grid);
        int i = 0;
        for (Layer layer : figure.layers) {
            plot.setDataset(i, dataset(layer, i));
            plot.setRenderer(i, renderer(layer, TAB10[i % TAB10.length]));
            i++;
        }
        if (showLegend(figure)) {
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(TICK_FONT);
            legend.setBackgroundPaint(new Color(255, 255, 255, 220));
            legend.setFrame(new BlockBorder(GRID));
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 6));
            LegendPlacement.Spot at = LegendPlacement.best(figure.layers, figure.logX, figure.logY);
            XYTitleAnnotation inside = new XYTitleAnnotation(at.x(), at.y(), legend, at.anchor());
            inside.setMaxWidth(0.5);
            plot.addAnnotation(inside);
        }
        return plot;
    }

    private static CategoryPlot barPlot(Figure figure) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int j = 0;
        for (Layer layer : figure.layers) {
            String key = key(layer, j++);
            for (int k = 0; k < layer.y.length; k++) {
                data.addValue(layer.y[k], key, layer.categories.get(k));
            }
        }
        CategoryAxis x = new CategoryAxis(figure.xlabel);
        styleAxis(x);
        x.setCategoryMargin(0.2);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setDrawBarOutline(false);
        for (int s = 0; s < figure.layers.size(); s++) {
            bars.setSeriesPaint(s, TAB10[s % TAB10.length]);
            bars.setSeriesVisibleInLegend(s, figure.layers.get(s).label != null);
        }
        CategoryPlot plot = new CategoryPlot(data, x, axis(figure.ylabel, figure.logY, figure.ylim, true, true), bars);
        plot.setRangeGridlinesVisible(figure.grid);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        return plot;
    }

    private static String key(Layer layer, int index) {
        return layer.label != null ? layer.label : "_" + index;
    }

    private static XYDataset dataset(Layer layer, int index) {
        if (layer.kind == Layer.Kind.HIST) {
            return Histograms.dataset(key(layer, index), layer.y, layer.bins);
        }
        XYSeries series = new XYSeries(key(layer, index), false, true);
        for (int k = 0; k < layer.x.length; k++) {
            series.add(layer.x[k], layer.y[k]);
        }
        return new XYSeriesCollection(series);
    }

    private static XYItemRenderer renderer(Layer layer, Color color) {
        XYItemRenderer renderer;
        if (layer.kind == Layer.Kind.HIST) {
            XYBarRenderer bars = new XYBarRenderer();
            bars.setBarPainter(new StandardXYBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(true);
            bars.setSeriesOutlinePaint(0, Color.WHITE);
            bars.setSeriesOutlineStroke(0, new BasicStroke(0.8f));
            renderer = bars;
        } else {
            boolean scatter = layer.kind == Layer.Kind.SCATTER;
            XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(!scatter, scatter);
            lines.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            lines.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            renderer = lines;
        }
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesVisibleInLegend(0, layer.label != null);
        return renderer;
    }

    private static boolean showLegend(Figure figure) {
        boolean labelled = figure.layers.stream().anyMatch(l -> l.label != null);
        return figure.legend == null ? labelled : figure.legend && labelled;
    }

    /**
     * A value axis with about as many ticks as matplotlib draws (wide label insets make JFreeChart
     * space its ticks out); a log axis ticks at powers of ten only.
     */
    static ValueAxis axis(String label, boolean log, double[] limits, boolean fromZero, boolean vertical) {
        ValueAxis axis;
        if (log) {
            LogAxis logAxis = new LogAxis(label);
            logAxis.setNumberFormatOverride(new TickFormat());
            logAxis.setSmallestValue(1e-300);
            logAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis = logAxis;
        } else {
            NumberAxis number = new NumberAxis(label);
            number.setAutoRangeIncludesZero(fromZero);
            number.setNumberFormatOverride(new TickFormat());
            axis = number;
        }
        axis.setLowerMargin(fromZero && !log ? 0 : 0.05);
        axis.setUpperMargin(0.05);
        if (limits != null) {
            axis.setRange(limits[0], limits[1]);
        }
        styleAxis(axis);
        axis.setTickLabelInsets(vertical ? new RectangleInsets(9, 4, 9, 4) : new RectangleInsets(4, 16, 4, 16));
        return axis;
    }

    static void styleAxis(Axis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLinePaint(SPINE);
        axis.setTickMarkPaint(SPINE);
        axis.setTickMarkOutsideLength(4);
    }

    static void grid(XYPlot plot, boolean show) {
        plot.setDomainGridlinesVisible(show);
        plot.setRangeGridlinesVisible(show);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }
}

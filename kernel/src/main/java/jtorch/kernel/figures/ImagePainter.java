package jtorch.kernel.figures;

import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code imshow}: the matrix becomes one bitmap (a pixel per element, coloured by the figure's
 * colour map from the smallest to the largest finite value) placed on axes whose unit is one
 * row/column, row 0 on top, with a colour bar on the right.
 */
final class ImagePainter {
    private ImagePainter() {}

    static JFreeChart chart(Figure figure, Layer layer) {
        double[][] m = layer.matrix;
        int rows = m.length;
        int cols = m[0].length;
        double[] range = finiteRange(m);
        double low = range[0];
        double high = range[1] > range[0] ? range[1] : range[0] + 1;
        BufferedImage pixels = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = m[r][c];
                pixels.setRGB(c, r, figure.cmap.rgb(Double.isFinite(v) ? (v - low) / (high - low) : Double.NaN));
            }
        }
        NumberAxis x = integerAxis(figure.xlabel, cols);
        NumberAxis y = integerAxis(figure.ylabel, rows);
        y.setInverted(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer());
        plot.addAnnotation(new XYDataImageAnnotation(pixels, -0.5, -0.5, cols, rows));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, ChartPainter.TITLE_FONT, plot, false);
        ChartPainter.style(chart, figure);
        if (figure.colorbar) {
            chart.addSubtitle(colorbar(figure.cmap, low, high));
        }
        return chart;
    }

    private static NumberAxis integerAxis(String label, int cells) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setNumberFormatOverride(new TickFormat());
        axis.setRange(-0.5, cells - 0.5);
        ChartPainter.styleAxis(axis);
        return axis;
    }

    private static PaintScaleLegend colorbar(Colormap cmap, double low, double high) {
        NumberAxis axis = new NumberAxis();
        axis.setNumberFormatOverride(new TickFormat());
        ChartPainter.styleAxis(axis);
        PaintScaleLegend legend = new PaintScaleLegend(new Scale(cmap, low, high), axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        legend.setAxisOffset(2);
        legend.setMargin(new RectangleInsets(8, 12, 8, 0));
        legend.setStripOutlineVisible(true);
        legend.setSubdivisionCount(256);
        return legend;
    }

    /** Smallest and largest finite element; [0, 1] when there is none. */
    static double[] finiteRange(double[][] m) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] row : m) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        return low <= high ? new double[] {low, high} : new double[] {0, 1};
    }

    /** The colour map over [low, high], as the colour bar reads it. */
    private static final class Scale implements PaintScale {
        private final Colormap cmap;
        private final double low;
        private final double high;

        Scale(Colormap cmap, double low, double high) {
            this.cmap = cmap;
            this.low = low;
            this.high = high;
        }

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        @Override
        public java.awt.Paint getPaint(double value) {
            return cmap.color((value - low) / (high - low));
        }
    }
}

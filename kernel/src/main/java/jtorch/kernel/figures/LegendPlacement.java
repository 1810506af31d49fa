package jtorch.kernel.figures;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ui.RectangleAnchor;

/**
 * matplotlib's {@code loc="best"}, simply: the corner of the axes whose legend-sized region
 * (40 % of the width, 25 % of the height) covers the fewest data points; ties keep matplotlib's
 * order (upper right, upper left, lower left, lower right). Log axes are judged in log space.
 */
final class LegendPlacement {
    private static final RectangleAnchor[] CORNERS = {
        RectangleAnchor.TOP_RIGHT, RectangleAnchor.TOP_LEFT, RectangleAnchor.BOTTOM_LEFT, RectangleAnchor.BOTTOM_RIGHT,
    };
    private static final double WIDTH = 0.4;
    private static final double HEIGHT = 0.25;

    /** Where the legend goes: the corner of it that is pinned, at (x, y) in fractions of the axes. */
    record Spot(RectangleAnchor anchor, double x, double y) {}

    private LegendPlacement() {}

    static Spot best(List<Layer> layers, boolean logX, boolean logY) {
        double[] xs = points(layers, true, logX);
        double[] ys = points(layers, false, logY);
        double[] xr = range(xs);
        double[] yr = range(ys);
        RectangleAnchor best = CORNERS[0];
        int fewest = Integer.MAX_VALUE;
        for (RectangleAnchor corner : CORNERS) {
            boolean right = corner == RectangleAnchor.TOP_RIGHT || corner == RectangleAnchor.BOTTOM_RIGHT;
            boolean top = corner == RectangleAnchor.TOP_RIGHT || corner == RectangleAnchor.TOP_LEFT;
            int covered = 0;
            for (int i = 0; i < xs.length; i++) {
                double fx = (xs[i] - xr[0]) / (xr[1] - xr[0]);
                double fy = (ys[i] - yr[0]) / (yr[1] - yr[0]);
                boolean inX = right ? fx >= 1 - WIDTH : fx <= WIDTH;
                boolean inY = top ? fy >= 1 - HEIGHT : fy <= HEIGHT;
                covered += inX && inY ? 1 : 0;
            }
            if (covered < fewest) {
                fewest = covered;
                best = corner;
            }
        }
        boolean right = best == RectangleAnchor.TOP_RIGHT || best == RectangleAnchor.BOTTOM_RIGHT;
        boolean top = best == RectangleAnchor.TOP_RIGHT || best == RectangleAnchor.TOP_LEFT;
        return new Spot(best, right ? 0.98 : 0.02, top ? 0.98 : 0.02);
    }

    /** Every point's x (or y) as drawn; a histogram contributes its bars' tops. */
    private static double[] points(List<Layer> layers, boolean x, boolean log) {
        List<Double> out = new ArrayList<>();
        for (Layer l : layers) {
            if (l.kind == Layer.Kind.HIST) {
                continue;
            }
            for (double v : x ? l.x : l.y) {
                double w = log ? Math.log10(v) : v;
                out.add(Double.isFinite(w) ? w : Double.NaN);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** [min, max] with matplotlib's 5 % margins; a unit span around a single value. */
    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (!(lo < hi)) {
            return new double[] {Double.isFinite(lo) ? lo - 1 : 0, Double.isFinite(lo) ? lo + 1 : 1};
        }
        double pad = (hi - lo) * 0.05;
        return new double[] {lo - pad, hi + pad};
    }
}

package jtorch.kernel.figures;

import java.util.List;

/**
 * One thing drawn on a figure's axes: a line, a scatter of points, a histogram, a group of bars or
 * an image. Immutable except for its legend label, which {@link Figure#label} sets after the fact.
 *
 * <p>Invariants: for LINE and SCATTER {@code x.length == y.length}; for HIST {@code y} holds the
 * values and {@code bins > 0}; for BAR {@code categories.size() == y.length}; for IMAGE
 * {@code matrix} is rectangular and non-empty.
 */
final class Layer {
    enum Kind {
        LINE, SCATTER, HIST, BAR, IMAGE;

        /** Whether this kind draws on numeric x/y axes (and so mixes with the other such kinds). */
        boolean numericAxes() {
            return this == LINE || this == SCATTER || this == HIST;
        }
    }

    final Kind kind;
    final double[] x;
    final double[] y;
    final int bins;
    final List<String> categories;
    final double[][] matrix;
    String label;

    private Layer(Kind kind, double[] x, double[] y, int bins, List<String> categories, double[][] matrix) {
        this.kind = kind;
        this.x = x;
        this.y = y;
        this.bins = bins;
        this.categories = categories;
        this.matrix = matrix;
    }

    static Layer xy(Kind kind, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and " + y.length);
        }
        return new Layer(kind, x, y, 0, null, null);
    }

    /** {@code y} drawn over 0, 1, 2, ... as {@code plt.plot(y)} does. */
    static Layer line(double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return xy(Kind.LINE, x, y);
    }

    static Layer hist(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("hist needs at least one value");
        }
        return new Layer(Kind.HIST, null, values, bins, null, null);
    }

    static Layer bar(List<String> categories, double[] heights) {
        if (categories.size() != heights.length) {
            throw new IllegalArgumentException("bar needs one height per label, got " + categories.size()
                    + " labels and " + heights.length + " heights");
        }
        return new Layer(Kind.BAR, null, heights, 0, List.copyOf(categories), null);
    }

    static Layer image(double[][] matrix) {
        if (matrix.length == 0 || matrix[0].length == 0) {
            throw new IllegalArgumentException("imshow needs at least one row and one column");
        }
        return new Layer(Kind.IMAGE, null, null, 0, null, matrix);
    }
}

package jtorch.kernel.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A figure with one set of axes, built the way matplotlib's {@code pyplot} calls read:
 * {@code plot(losses).title("loss").xlabel("epoch")}. Every method adds to or styles this figure
 * and returns it, so a cell can end with the chain and see the picture; {@code display},
 * {@code updateDisplay} and a cell's last expression render it as a PNG.
 *
 * <p>Data is copied when it is added: changing the list or tensor afterwards does not change the
 * figure. Lines, scatters and histograms share numeric axes; bars and images each need a figure
 * of their own.
 */
public final class Figure {
    static final int DEFAULT_WIDTH = 640;
    static final int DEFAULT_HEIGHT = 420;

    final List<Layer> layers = new ArrayList<>();
    String title;
    String xlabel;
    String ylabel;
    boolean logX;
    boolean logY;
    double[] xlim;
    double[] ylim;
    Boolean legend;
    boolean grid = true;
    Colormap cmap = Colormap.VIRIDIS;
    boolean colorbar = true;
    int width = DEFAULT_WIDTH;
    int height = DEFAULT_HEIGHT;
    boolean sized;

    /** An empty figure; add to it with {@link #plot}, {@link #scatter}, {@link #hist}, ... */
    public Figure() {}

    // ---------------------------------------------------------------- what is drawn

    /** {@code plt.plot(y)}: a line through {@code y} over 0, 1, 2, ... */
    public Figure plot(Object y) {
        return add(Layer.line(Values.series("y", y)));
    }

    /** {@code plt.plot(x, y)}: a line through the points (x[i], y[i]). */
    public Figure plot(Object x, Object y) {
        return add(Layer.xy(Layer.Kind.LINE, Values.series("x", x), Values.series("y", y)));
    }

    /** {@code plt.scatter(x, y)}: a dot at each (x[i], y[i]). */
    public Figure scatter(Object x, Object y) {
        return add(Layer.xy(Layer.Kind.SCATTER, Values.series("x", x), Values.series("y", y)));
    }

    /** {@code plt.hist(values)}: 10 equal-width bins over all values (a tensor of any shape is flattened). */
    public Figure hist(Object values) {
        return hist(values, 10);
    }

    /** {@code plt.hist(values, bins=n)}. */
    public Figure hist(Object values, int bins) {
        return add(Layer.hist(Values.all("values", values), bins));
    }

    /** {@code plt.bar(labels, heights)}: one bar per label; a second call adds a group beside it. */
    public Figure bar(Object labels, Object heights) {
        return add(Layer.bar(Values.labels("labels", labels), Values.series("heights", heights)));
    }

    /** Bars of a map, its keys as labels in the map's order, e.g. {@code bar(Map.of("a", 3))}. */
    public Figure bar(Map<?, ? extends Number> heights) {
        return add(Layer.bar(Values.labels("labels", heights.keySet()), Values.mapValues("heights", heights)));
    }

    /**
     * {@code plt.imshow(m); plt.colorbar()}: a 2-D tensor or array as a heat map, row 0 on top,
     * coloured by {@link #cmap} from its smallest to its largest value, with a colour bar.
     */
    public Figure imshow(Object matrix) {
        return add(Layer.image(Values.matrix("imshow data", matrix)));
    }

    /** Names what was added last, for the legend ({@code plt.plot(y, label="train")}). */
    public Figure label(String name) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("label names the last thing plotted, but this figure is empty");
        }
        layers.get(layers.size() - 1).label = name;
        return this;
    }

    private Figure add(Layer layer) {
        for (Layer other : layers) {
            boolean mixes = other.kind.numericAxes() && layer.kind.numericAxes()
                    || other.kind == Layer.Kind.BAR && layer.kind == Layer.Kind.BAR;
            if (!mixes) {
                throw new IllegalArgumentException("cannot draw " + name(layer.kind) + " on the axes of " + name(other.kind)
                        + ": start a new figure, e.g. " + name(layer.kind).split(" ")[0] + "(...)");
            }
        }
        layers.add(layer);
        return this;
    }

    private static String name(Layer.Kind kind) {
        switch (kind) {
            case BAR:
                return "bar chart";
            case IMAGE:
                return "imshow image";
            default:
                return kind.name().toLowerCase(Locale.ROOT) + " plot";
        }
    }

    // ---------------------------------------------------------------- styling

    /** {@code plt.title(text)}. */
    public Figure title(String text) {
        this.title = text;
        return this;
    }

    /** {@code plt.xlabel(text)}. */
    public Figure xlabel(String text) {
        this.xlabel = text;
        return this;
    }

    /** {@code plt.ylabel(text)}. */
    public Figure ylabel(String text) {
        this.ylabel = text;
        return this;
    }

    /** {@code plt.xscale("log")} or {@code "linear"}. */
    public Figure xscale(String scale) {
        this.logX = isLog(scale);
        return this;
    }

    /** {@code plt.yscale("log")} or {@code "linear"}, e.g. for a loss that falls by orders of magnitude. */
    public Figure yscale(String scale) {
        this.logY = isLog(scale);
        return this;
    }

    private static boolean isLog(String scale) {
        if ("log".equals(scale) || "linear".equals(scale)) {
            return "log".equals(scale);
        }
        throw new IllegalArgumentException("scale must be \"linear\" or \"log\", got " + (scale == null ? "null" : "\"" + scale + "\""));
    }

    /** {@code plt.xlim(low, high)}. */
    public Figure xlim(double low, double high) {
        this.xlim = range("xlim", low, high);
        return this;
    }

    /** {@code plt.ylim(low, high)}. */
    public Figure ylim(double low, double high) {
        this.ylim = range("ylim", low, high);
        return this;
    }

    private static double[] range(String what, double low, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException(what + " needs low < high, got " + low + " and " + high);
        }
        return new double[] {low, high};
    }

    /** Shows or hides the legend (by default it shows when something has a {@link #label}). */
    public Figure legend(boolean show) {
        this.legend = show;
        return this;
    }

    /** Shows or hides the grid lines (shown by default). */
    public Figure grid(boolean show) {
        this.grid = show;
        return this;
    }

    /** The colour map of {@link #imshow}: {@code "viridis"} (default), {@code "gray"}, {@code "magma"} or {@code "coolwarm"}. */
    public Figure cmap(String name) {
        this.cmap = Colormap.named(name);
        return this;
    }

    /** Shows or hides the colour bar of {@link #imshow} (shown by default). */
    public Figure colorbar(boolean show) {
        this.colorbar = show;
        return this;
    }

    /** The picture's size in pixels (default 640 × 420), as shown in the notebook. */
    public Figure size(int width, int height) {
        if (width < 50 || height < 50 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException("size must be between 50 and 4000 pixels each way, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.sized = true;
        return this;
    }

    // ---------------------------------------------------------------- output

    /** The figure as PNG bytes (drawn at twice its size, for sharp lines on high-density screens). */
    public byte[] toPng() {
        int[] size = shownSize();
        return Png.encode(ChartPainter.paint(this), size[0], size[1]);
    }

    /**
     * The size the picture is shown at: the one set with {@link #size}, else the default, except
     * that an image's default keeps its cells square (its width follows its columns/rows ratio).
     */
    int[] shownSize() {
        if (sized || layers.isEmpty() || layers.get(0).kind != Layer.Kind.IMAGE) {
            return new int[] {width, height};
        }
        double[][] m = layers.get(0).matrix;
        double aspect = (double) m[0].length / m.length;
        int frameW = colorbar ? 150 : 80;
        int frameH = title == null ? 60 : 90;
        int plotH = DEFAULT_HEIGHT - frameH;
        int plotW = (int) Math.round(plotH * aspect);
        if (plotW > 900) {
            plotW = 900;
            plotH = Math.max(40, (int) Math.round(plotW / aspect));
        }
        return new int[] {Math.max(200, plotW + frameW), plotH + frameH};
    }

    /** {@code plt.savefig(path)}: writes the PNG; returns the path written. */
    public Path save(String path) {
        Path p = Path.of(path);
        try {
            Files.write(p, toPng());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + p.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
        return p;
    }

    /** What is drawn, in order (for tests and the renderer). */
    List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** matplotlib's repr of a figure: {@code <Figure size 640x420 with 1 Axes>}. */
    @Override
    public String toString() {
        int[] size = shownSize();
        return "<Figure size " + size[0] + "x" + size[1] + " with 1 Axes>";
    }
}

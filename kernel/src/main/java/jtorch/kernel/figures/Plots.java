package jtorch.kernel.figures;

import java.util.Map;
import jtorch.Node;
import jtorch.Tensor;

/**
 * The figure helpers every session imports statically, named after matplotlib's {@code pyplot}
 * and torchviz: each returns a {@link Figure} (or {@link GraphFigure}) that a cell shows by ending
 * with it, by {@code display(...)}, or replaces in place with {@code updateDisplay(id, ...)}.
 *
 * <pre>{@code
 * plot(losses).title("training loss").xlabel("epoch").yscale("log")
 * plot(x, y).label("data").plot(x, fit).label("fit")
 * hist(w); imshow(w); bar(List.of("a", "b"), List.of(3, 5)); scatter(x, y)
 * makeDot(loss)                      // the autograd graph, as torchviz draws it
 * for (int epoch : trange(100)) ...  // a progress bar, as tqdm's
 * }</pre>
 */
public final class Plots {
    private Plots() {}

    /** {@code plt.figure()}: an empty figure to add lines, points and bars to. */
    public static Figure figure() {
        return new Figure();
    }

    /** {@code plt.plot(y)}: a tensor, Java array or list of numbers as a line over 0, 1, 2, ... */
    public static Figure plot(Object y) {
        return new Figure().plot(y);
    }

    /** {@code plt.plot(x, y)}. */
    public static Figure plot(Object x, Object y) {
        return new Figure().plot(x, y);
    }

    /** {@code plt.scatter(x, y)}. */
    public static Figure scatter(Object x, Object y) {
        return new Figure().scatter(x, y);
    }

    /** {@code plt.hist(values)}: all values of a tensor (any shape) or array in 10 bins. */
    public static Figure hist(Object values) {
        return new Figure().hist(values);
    }

    /** {@code plt.hist(values, bins=n)}. */
    public static Figure hist(Object values, int bins) {
        return new Figure().hist(values, bins);
    }

    /** {@code plt.bar(labels, heights)}. */
    public static Figure bar(Object labels, Object heights) {
        return new Figure().bar(labels, heights);
    }

    /** Bars from a map of label to height, in the map's order. */
    public static Figure bar(Map<?, ? extends Number> heights) {
        return new Figure().bar(heights);
    }

    /** {@code plt.imshow(m); plt.colorbar()}: a 2-D tensor or array as a heat map with a colour bar. */
    public static Figure imshow(Object matrix) {
        return new Figure().imshow(matrix);
    }

    /**
     * torchviz's {@code make_dot(y)}: the autograd graph that {@code y.backward()} would walk, from
     * {@code y} (at the top) through its {@code grad_fn} nodes to the leaves that receive
     * {@code .grad}.
     */
    public static GraphFigure makeDot(Tensor output) {
        return GraphFigure.of(output, Map.of());
    }

    /**
     * torchviz's {@code make_dot(y, params=dict(w=w, b=b))}: as {@link #makeDot(Tensor)}, with the
     * leaves found in {@code params} labelled by their names.
     */
    public static GraphFigure makeDot(Tensor output, Map<String, Tensor> params) {
        return GraphFigure.of(output, params);
    }

    /** The graph below one {@code grad_fn} node, e.g. {@code makeDot(y.gradFn())}. */
    public static GraphFigure makeDot(Node node) {
        return GraphFigure.of(node);
    }

    /**
     * {@code tqdm(iterable)}: iterates over {@code items} while a progress bar shows count, rate and
     * time left; the total is a collection's size or what the iterable's {@code len()}/{@code size()}
     * returns (a data loader's number of batches).
     */
    public static <T> ProgressBar<T> tqdm(Iterable<T> items) {
        return ProgressBar.over(items, null);
    }

    /** {@code tqdm(iterable, desc="...")}. */
    public static <T> ProgressBar<T> tqdm(Iterable<T> items, String desc) {
        return ProgressBar.over(items, desc);
    }

    /** {@code tqdm(iterable, total=n, desc="...")}, for iterables that cannot tell their length. */
    public static <T> ProgressBar<T> tqdm(Iterable<T> items, long total, String desc) {
        return ProgressBar.over(items, total, desc);
    }

    /** {@code trange(n)}: 0, 1, ..., n-1 with a progress bar. */
    public static ProgressBar<Integer> trange(int n) {
        return ProgressBar.range(0, n, null);
    }

    /** {@code trange(start, stop)}: start, ..., stop-1 with a progress bar. */
    public static ProgressBar<Integer> trange(int start, int stop) {
        return ProgressBar.range(start, stop, null);
    }

    /** {@code trange(n, desc="...")}. */
    public static ProgressBar<Integer> trange(int n, String desc) {
        return ProgressBar.range(0, n, desc);
    }
}

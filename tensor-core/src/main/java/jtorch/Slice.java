package jtorch;

import java.util.Objects;

/**
 * One Python slice {@code start:stop:step} for {@link Tensor#index(Object...)} and
 * {@link Tensor#indexPut_(Object, Tensor)}; a null bound is an omitted one, as in Python.
 *
 * <pre>{@code
 * x.index(Slice.of(2, 8, 2))            // x[2:8:2]
 * x.index(Slice.all(), 1)               // x[:, 1]
 * x.index(Slice.of(null, -7))           // x[:-7]
 * o.index(Slice.ELLIPSIS, 0)            // o[..., 0]
 * o.index(Slice.all(), Slice.NONE)      // o[:, None]
 * }</pre>
 *
 * <p>Immutable. A zero step is rejected here with Python's message; a negative step is a valid
 * slice that tensors reject when indexing ("step must be greater than zero").
 */
public final class Slice {
    /** The markers {@code None} (a new axis of size 1) and {@code ...} (all remaining dimensions). */
    public enum Marker {
        /** Python's {@code None} / {@code numpy.newaxis} in an index. */
        NONE("None"),
        /** Python's {@code ...} in an index. */
        ELLIPSIS("Ellipsis");

        private final String pythonName;

        Marker(String pythonName) {
            this.pythonName = pythonName;
        }

        @Override
        public String toString() {
            return pythonName;
        }
    }

    /** {@code None} in an index: inserts a dimension of size 1. */
    public static final Marker NONE = Marker.NONE;
    /** {@code ...} in an index: as many full slices as the other indices leave dimensions. */
    public static final Marker ELLIPSIS = Marker.ELLIPSIS;

    private static final Slice ALL = new Slice(null, null, null);

    private final Integer start;
    private final Integer stop;
    private final Integer step;

    private Slice(Integer start, Integer stop, Integer step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    /** {@code start:stop}; null for an omitted bound. */
    public static Slice of(Integer start, Integer stop) {
        return of(start, stop, null);
    }

    /** {@code start:stop:step}; null for an omitted part. */
    public static Slice of(Integer start, Integer stop, Integer step) {
        if (step != null && step == 0) {
            throw new IllegalArgumentException("slice step cannot be zero");
        }
        return start == null && stop == null && step == null ? ALL : new Slice(start, stop, step);
    }

    /** {@code :}, the whole dimension. */
    public static Slice all() {
        return ALL;
    }

    /** The start, or null when omitted. */
    public Integer start() {
        return start;
    }

    /** The stop, or null when omitted. */
    public Integer stop() {
        return stop;
    }

    /** The step, or null when omitted (1). */
    public Integer step() {
        return step;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slice && Objects.equals(start, ((Slice) o).start) && Objects.equals(stop, ((Slice) o).stop)
                && Objects.equals(step, ((Slice) o).step);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, stop, step);
    }

    /** Python's repr, e.g. {@code slice(1, None, 2)}. */
    @Override
    public String toString() {
        return "slice(" + py(start) + ", " + py(stop) + ", " + py(step) + ")";
    }

    private static String py(Integer bound) {
        return bound == null ? "None" : bound.toString();
    }
}

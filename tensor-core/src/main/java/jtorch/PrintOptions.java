package jtorch;

import java.util.Locale;
import java.util.Objects;

import jtorch.internal.format.PrintSettings;

/**
 * Options for printing tensors, PyTorch's {@code torch.set_printoptions}: an immutable value
 * whose {@code with}-style methods return changed copies.
 *
 * <pre>{@code
 * torch.setPrintoptions(PrintOptions.defaults().precision(2).linewidth(40));
 * torch.setPrintoptions(PrintOptions.profile("short"));
 * }</pre>
 *
 * <p>{@code precision} is the number of digits after the decimal point, {@code threshold} the
 * element count above which a tensor is summarised with {@code ...}, {@code edgeitems} the number
 * of items kept at each end of a summarised dimension, {@code linewidth} the column at which rows
 * wrap, and {@code sciMode} forces ({@code true}) or forbids ({@code false}) scientific notation;
 * {@code null} lets the formatter choose, as PyTorch's {@code sci_mode=None}. The profile
 * {@code "full"} never summarises: its threshold is {@link Integer#MAX_VALUE}, standing for
 * Python's {@code inf}.
 */
public final class PrintOptions {
    private static final PrintOptions DEFAULTS = new PrintOptions(4, 1000, 3, 80, null);
    private static final PrintOptions SHORT = new PrintOptions(2, 1000, 2, 80, null);
    private static final PrintOptions FULL = new PrintOptions(4, Integer.MAX_VALUE, 3, 80, null);

    /** The options every tensor's {@code toString()} uses; replaced whole, never mutated. */

    private final int precision;
    private final int threshold;
    private final int edgeitems;
    private final int linewidth;
    private final Boolean sciMode;

    private PrintOptions(int precision, int threshold, int edgeitems, int linewidth, Boolean sciMode) {
        this.precision = check("precision", precision, 0);
        this.threshold = check("threshold", threshold, 0);
        this.edgeitems = check("edgeitems", edgeitems, 1);
        this.linewidth = check("linewidth", linewidth, 1);
        this.sciMode = sciMode;
    }

    private static int check(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "print option %s must be at least %d, got %d", name, min, value));
        }
        return value;
    }

    /** PyTorch's defaults: precision 4, threshold 1000, edgeitems 3, linewidth 80, automatic sci mode. */
    public static PrintOptions defaults() {
        return DEFAULTS;
    }

    /**
     * One of PyTorch's named profiles: {@code "default"}, {@code "short"} (precision 2, edgeitems 2)
     * or {@code "full"} (never summarise); sci mode is automatic in all three.
     */
    public static PrintOptions profile(String name) {
        if ("default".equals(name)) {
            return DEFAULTS;
        }
        if ("short".equals(name)) {
            return SHORT;
        }
        if ("full".equals(name)) {
            return FULL;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "unknown print profile '%s'; expected one of 'default', 'short', 'full'", name));
    }

    /** A copy with {@code precision} digits after the decimal point (at least 0). */
    public PrintOptions precision(int precision) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    /** A copy summarising tensors with more than {@code threshold} elements (at least 0). */
    public PrintOptions threshold(int threshold) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    /** A copy keeping {@code edgeitems} items at each end of a summarised dimension (at least 1). */
    public PrintOptions edgeitems(int edgeitems) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    /** A copy wrapping rows at {@code linewidth} columns (at least 1). */
    public PrintOptions linewidth(int linewidth) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    /** A copy forcing scientific notation on ({@code true}) or off ({@code false}); {@code null} is automatic. */
    public PrintOptions sciMode(Boolean sciMode) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    public int precision() {
        return precision;
    }

    public int threshold() {
        return threshold;
    }

    public int edgeitems() {
        return edgeitems;
    }

    public int linewidth() {
        return linewidth;
    }

    /** {@code true}/{@code false} when forced, {@code null} when automatic. */
    public Boolean sciMode() {
        return sciMode;
    }

    /** The options tensors print with now. */
    static PrintOptions current() {
        return PrintSettings.current();
    }

    /** Makes {@code options} the options tensors print with. */
    static void setCurrent(PrintOptions options) {
        PrintSettings.set(options);
    }

    /** Restores {@link #defaults()}. */
    static void reset() {
        PrintSettings.set(DEFAULTS);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PrintOptions)) {
            return false;
        }
        PrintOptions p = (PrintOptions) o;
        return precision == p.precision && threshold == p.threshold && edgeitems == p.edgeitems
                && linewidth == p.linewidth && Objects.equals(sciMode, p.sciMode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(precision, threshold, edgeitems, linewidth, sciMode);
    }

    /** Python-style keyword listing, e.g. {@code PrintOptions(precision=4, threshold=1000, ...)}. */
    @Override
    public String toString() {
        String thresholdText = threshold == Integer.MAX_VALUE ? "inf" : Integer.toString(threshold);
        String sciText = sciMode == null ? "None" : sciMode ? "True" : "False";
        return String.format(Locale.ROOT,
                "PrintOptions(precision=%d, threshold=%s, edgeitems=%d, linewidth=%d, sci_mode=%s)",
                precision, thresholdText, edgeitems, linewidth, sciText);
    }
}

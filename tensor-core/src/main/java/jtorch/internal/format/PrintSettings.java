package jtorch.internal.format;

import java.util.Objects;

import jtorch.PrintOptions;

/** The print options tensors print with now ({@code torch.set_printoptions}), process-wide. */
public final class PrintSettings {
    private static volatile PrintOptions current = PrintOptions.defaults();

    private PrintSettings() {}

    public static PrintOptions current() {
        return current;
    }

    /** Makes {@code options} the options tensors print with. */
    public static void set(PrintOptions options) {
        current = Objects.requireNonNull(options, "print options must not be null");
    }
}

package jtorch.kernel.figures;

import java.awt.Color;
import java.util.Locale;

/**
 * matplotlib's colour maps that {@code imshow} offers, as evenly spaced colour stops interpolated
 * linearly in RGB: {@code t = 0} is the smallest value, {@code t = 1} the largest.
 */
enum Colormap {
    VIRIDIS(0x440154, 0x472c7a, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725),
    MAGMA(0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55064, 0xfb8761, 0xfec287, 0xfcfdbf),
    GRAY(0x000000, 0xffffff),
    COOLWARM(0x3b4cc0, 0x6788ee, 0x9abbff, 0xc9d7f0, 0xedd1c2, 0xf7a889, 0xe26952, 0xb40426);

    private final int[] stops;

    Colormap(int... stops) {
        this.stops = stops;
    }

    /** The map named as in matplotlib ({@code "viridis"}, {@code "gray"}, ...). */
    static Colormap named(String name) {
        for (Colormap c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(name) || "grey".equals(name) && c == GRAY) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown colour map " + (name == null ? "null" : "\"" + name + "\"")
                + "; choose viridis, magma, gray or coolwarm");
    }

    /** The packed RGB colour at {@code t} in [0, 1] (clamped; NaN gives white, as a gap). */
    int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0xffffff;
        }
        double at = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min((int) at, stops.length - 2);
        double f = at - i;
        int a = stops[i];
        int b = stops[i + 1];
        return mix(a >> 16, b >> 16, f) << 16 | mix(a >> 8, b >> 8, f) << 8 | mix(a, b, f);
    }

    Color color(double t) {
        return new Color(rgb(t));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }
}

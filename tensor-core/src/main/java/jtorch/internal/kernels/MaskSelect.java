package jtorch.internal.kernels;

/**
 * The dense loop of {@code torch.where} and {@code masked_fill}: {@code out[i] = cond[i] != 0 ?
 * a[i] : b[i]} over a bool or uint8 condition's bytes.
 *
 * <p>Invariants: the value arrays of {@code a}, {@code b} and {@code out} are of one type, the
 * output's dtype; each of {@code a} and {@code b} is read with stride 1 (an operand of the
 * output's shape, row-major) or 0 (one element, broadcast); {@code out} may be {@code b}'s array
 * at the same offset ({@code masked_fill} in place, each element read before it is written). The
 * elements are selected by their bits (no branch), so values are copied unchanged. Only
 * float[], double[] and long[] arrays are taken; the caller loops over the others itself.
 */
public final class MaskSelect {
    private MaskSelect() {}

    /** A value operand: element i is {@code array[offset + i * stride]}, the stride 0 or 1. */
    public record Operand(Object array, int offset, int stride) {
        /** The operand from its element {@code s} on. */
        Operand shifted(int s) {
            return new Operand(array, offset + s * stride, stride);
        }
    }

    /** Whether {@link #select} takes an output array of this kind. */
    public static boolean takes(Object out) {
        return out instanceof float[] || out instanceof double[] || out instanceof long[];
    }

    /** {@code out[oo + i] = cond[co + i] != 0 ? a(i) : b(i)} for i in {@code [0, n)}; the output array one {@link #takes}. */
    public static void select(byte[] cond, int co, Operand a, Operand b, Object out, int oo, int n) {
        int chunks = (n + Cancellation.CHUNK - 1) / Cancellation.CHUNK;
        Parallel.forRange(chunks, n, (from, to) -> {
            for (int c = from; c < to; c++) {
                Cancellation.check();
                int s = c * Cancellation.CHUNK;
                span(cond, co + s, a.shifted(s), b.shifted(s), out, oo + s, Math.min(Cancellation.CHUNK, n - s));
            }
        });
    }

    private static void span(byte[] cond, int co, Operand a, Operand b, Object out, int oo, int n) {
        int ao = a.offset();
        int as = a.stride();
        int bo = b.offset();
        int bs = b.stride();
        if (out instanceof float[] y) {
            float[] x = (float[]) a.array();
            float[] z = (float[]) b.array();
            for (int i = 0; i < n; i++) {
                int m = picksA(cond[co + i]);
                int bits = Float.floatToRawIntBits(x[ao + i * as]) & m | Float.floatToRawIntBits(z[bo + i * bs]) & ~m;
                y[oo + i] = Float.intBitsToFloat(bits);
            }
        } else if (out instanceof double[] y) {
            double[] x = (double[]) a.array();
            double[] z = (double[]) b.array();
            for (int i = 0; i < n; i++) {
                long m = picksA(cond[co + i]);
                long bits = Double.doubleToRawLongBits(x[ao + i * as]) & m
                        | Double.doubleToRawLongBits(z[bo + i * bs]) & ~m;
                y[oo + i] = Double.longBitsToDouble(bits);
            }
        } else {
            long[] y = (long[]) out;
            long[] x = (long[]) a.array();
            long[] z = (long[]) b.array();
            for (int i = 0; i < n; i++) {
                long m = picksA(cond[co + i]);
                y[oo + i] = x[ao + i * as] & m | z[bo + i * bs] & ~m;
            }
        }
    }

    /**
     * All ones when the condition byte is nonzero, else 0, without a branch (a random mask
     * mispredicts half the branches): {@code c | -c} has its sign bit set exactly for c != 0.
     */
    private static int picksA(byte c) {
        return (c | -c) >> 31;
    }
}

package jtorch.internal.kernels;

/**
 * {@code pow} of contiguous float32 runs as PyTorch 1.13 computes them: its vector loop takes
 * {@value #STEP} floats a step through SLEEF's {@code powf} ({@link FloatPow}, {@link VectorPow}
 * once the vector kernels serve), and the last {@code n % 16} elements of a run through its scalar
 * code: for a scalar exponent {@code pow} in double of the element and the exponent as given
 * ({@link #cPow}), so those are PyTorch's bits too; for a tensor exponent glibc's {@code powf},
 * taken here as {@code cPow} rounded (the correctly rounded value, which glibc's may miss in the
 * last bit now and then).
 */
public final class Powers {
    /** Floats per step of PyTorch's vector loop (two AVX2 vectors). */
    private static final int STEP = 16;

    private Powers() {}

    /** C's {@code pow}, which Java's differs from: 1 to any power and -1 to an infinite one are 1. */
    public static double cPow(double x, double y) {
        return x == 1 || (x == -1 && Double.isInfinite(y)) ? 1 : Math.pow(x, y);
    }

    /**
     * One element by SLEEF's {@code powf} ({@link FloatPow}): what PyTorch's vector code gives, for
     * elements of views (PyTorch vectorises a view's runs that are contiguous in memory, such as a
     * transposed matrix's; elements of other views take its scalar code, which may differ here in
     * the last bit).
     */
    public static float sleefPow(float x, float y) {
        return FloatPow.pow(x, y);
    }

    /** {@code c[i] = a[i] ** exponent} over {@code n} contiguous elements (SLEEF's with the exponent rounded to float). */
    public static void powScalar(float[] a, int ao, double exponent, float[] c, int co, int n) {
        float y = (float) exponent;
        int body = n - n % STEP;
        int i = Kernels.vectorHot() ? VectorPow.powScalarFloat(a, ao, y, c, co, body) : 0;
        for (; i < body; i++) {
            c[co + i] = FloatPow.pow(a[ao + i], y);
        }
        for (; i < n; i++) {
            c[co + i] = (float) cPow(a[ao + i], exponent);
        }
    }

    /** {@code c[i] = a[i] ** b[i]} over {@code n} contiguous elements. */
    public static void pow(float[] a, int ao, float[] b, int bo, float[] c, int co, int n) {
        int body = n - n % STEP;
        int i = Kernels.vectorHot() ? VectorPow.powFloat(a, ao, b, bo, c, co, body) : 0;
        for (; i < body; i++) {
            c[co + i] = FloatPow.pow(a[ao + i], b[bo + i]);
        }
        for (; i < n; i++) {
            c[co + i] = (float) cPow(a[ao + i], b[bo + i]);
        }
    }
}

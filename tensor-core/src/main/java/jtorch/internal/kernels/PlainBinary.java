package jtorch.internal.kernels;

/**
 * {@link Kernels#binary} of two contiguous operands (a gradient accumulated into {@code .grad}, a
 * bias row added to each row) before the vector kernels serve, or without the Vector API: a loop
 * per operator, which C2 compiles into vector instructions itself, where the generic loop calls
 * {@code op.apply}, one of four lambdas, per element (200K float32 adds in 68 us against 950 in a
 * probe). They give {@link Kernels.BinaryOp#apply}'s results: for +, -, * and / of floats the
 * double result rounded to float is the float one (double has more than 2 x 24 + 2 bits).
 */
final class PlainBinary {
    private PlainBinary() {}

    /** {@code c = op(a, b)} over {@code n} elements of each, all contiguous. */
    static void dense(Kernels.BinaryOp op, float[] a, int ao, float[] b, int bo, float[] c, int co, int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] + b[bo + i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] - b[bo + i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] * b[bo + i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    c[co + i] = a[ao + i] / b[bo + i];
                }
            }
        }
    }
}

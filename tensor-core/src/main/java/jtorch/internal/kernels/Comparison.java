package jtorch.internal.kernels;

/**
 * The six comparisons, each defined once on doubles (floating dtypes, exact for float32 widened)
 * and on longs (integral dtypes): IEEE's and PyTorch's operators, so NaN compares false but for
 * {@link #NE}. {@link #dense} runs one over float32 arrays into bool bytes, a loop per constant
 * so that C2 compiles its test inline (the generic per-element loop took ~13 ns an element).
 */
public enum Comparison {
    GT {
        @Override
        public boolean test(double a, double b) {
            return a > b;
        }

        @Override
        public boolean test(long a, long b) {
            return a > b;
        }
    },
    GE {
        @Override
        public boolean test(double a, double b) {
            return a >= b;
        }

        @Override
        public boolean test(long a, long b) {
            return a >= b;
        }
    },
    LT {
        @Override
        public boolean test(double a, double b) {
            return a < b;
        }

        @Override
        public boolean test(long a, long b) {
            return a < b;
        }
    },
    LE {
        @Override
        public boolean test(double a, double b) {
            return a <= b;
        }

        @Override
        public boolean test(long a, long b) {
            return a <= b;
        }
    },
    EQ {
        @Override
        public boolean test(double a, double b) {
            return a == b;
        }

        @Override
        public boolean test(long a, long b) {
            return a == b;
        }
    },
    NE {
        @Override
        public boolean test(double a, double b) {
            return a != b;
        }

        @Override
        public boolean test(long a, long b) {
            return a != b;
        }
    };

    public abstract boolean test(double a, double b);

    public abstract boolean test(long a, long b);

    /**
     * {@code out[i] = x[i] op y[i]} (1 or 0) over {@code n} elements, or {@code x[i] op s} where
     * {@code y} is null; split over {@link Parallel}'s threads, a cancellation check per chunk.
     */
    public void dense(float[] x, float[] y, float s, byte[] out, int n) {
        Parallel.forRange(n, n, (from, to) -> {
            for (int c = from; c < to; c += Cancellation.CHUNK) {
                Cancellation.check();
                denseRange(x, y, s, out, c, Math.min(to, c + Cancellation.CHUNK));
            }
        });
    }

    private void denseRange(float[] x, float[] y, float s, byte[] out, int from, int to) {
        switch (this) {
            case GT -> {
                for (int i = from; i < to; i++) {
                    out[i] = bit(GT.test(x[i], y == null ? s : y[i]));
                }
            }
            case GE -> {
                for (int i = from; i < to; i++) {
                    out[i] = bit(GE.test(x[i], y == null ? s : y[i]));
                }
            }
            case LT -> {
                for (int i = from; i < to; i++) {
                    out[i] = bit(LT.test(x[i], y == null ? s : y[i]));
                }
            }
            case LE -> {
                for (int i = from; i < to; i++) {
                    out[i] = bit(LE.test(x[i], y == null ? s : y[i]));
                }
            }
            case EQ -> {
                for (int i = from; i < to; i++) {
                    out[i] = bit(EQ.test(x[i], y == null ? s : y[i]));
                }
            }
            case NE -> {
                for (int i = from; i < to; i++) {
                    out[i] = bit(NE.test(x[i], y == null ? s : y[i]));
                }
            }
        }
    }

    private static byte bit(boolean b) {
        return (byte) (b ? 1 : 0);
    }
}

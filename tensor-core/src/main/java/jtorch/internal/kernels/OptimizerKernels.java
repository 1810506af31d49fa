package jtorch.internal.kernels;

/**
 * The update loops of the built-in optimizers, one fused pass per parameter, computing what
 * PyTorch 1.13's single-tensor implementations compute op by op ({@code torch/optim/*.py}), in
 * the parameter's precision: with {@code single}, every tensor op's result is rounded to float
 * and its Python-float operands are first rounded to float, as PyTorch's float32 kernels do.
 * PyTorch's {@code add(other, alpha)} is one fused multiply-add {@code other * alpha + self} and
 * {@code addcmul(t1, t2, value)} is {@code (value * t1) * t2 + self}, its last multiply and add
 * fused the same way (in its vector loop and, compiled with contraction, in its scalar tail).
 *
 * <p>Arrays are float[] (float32 arithmetic) or double[], dense from index 0; state arrays
 * (momentum buffers, averages) hold the previous step's values and are updated in place. The
 * common float32 cases (SGD, Adam, AdamW without the rarer options) run as vector loops in
 * {@link Kernels}; the rest read both array types through {@link Vec}.
 */
public final class OptimizerKernels {
    private OptimizerKernels() {}

    /** A dense float[] or double[] read and written as doubles (floats are exact in a double). */
    private interface Vec {
        double get(int i);

        void set(int i, double v);

        /** A view of {@code data}. */
        static Vec of(Object data) {
            if (data instanceof float[] f) {
                return new Vec() {
                    public double get(int i) {
                        return f[i];
                    }

                    public void set(int i, double v) {
                        f[i] = (float) v;
                    }
                };
            }
            double[] d = (double[]) data;
            return new Vec() {
                public double get(int i) {
                    return d[i];
                }

                public void set(int i, double v) {
                    d[i] = v;
                }
            };
        }
    }

    /** The arithmetic of one precision: rounding of results and scalars, PyTorch's fused multiply-adds. */
    private record Precision(boolean single) {
        double r(double v) {
            return single ? (float) v : v;
        }

        double fma(double a, double b, double c) {
            return single ? Math.fma((float) a, (float) b, (float) c) : Math.fma(a, b, c);
        }

        /** PyTorch's {@code self.add(other, alpha=alpha)}. */
        double add(double self, double other, double alpha) {
            return fma(other, r(alpha), self);
        }
    }

    /** The gradient as the update reads it: negated with {@code maximize}, plus {@code weightDecay * p}. */
    private static double grad(Precision m, Vec g, Vec p, int i, boolean maximize, double weightDecay) {
        double d = maximize ? -g.get(i) : g.get(i);
        return weightDecay != 0 ? m.add(d, p.get(i), weightDecay) : d;
    }

    /** SGD's options for one step ({@code first}: the momentum buffer is new and takes the gradient). */
    public record Sgd(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
                      boolean maximize, boolean first) {
    }

    /** {@code torch.optim.SGD}'s update of {@code n} elements; {@code buffer} is null without momentum. */
    public static void sgd(Object param, Object gradient, Object buffer, int n, Sgd h) {
        if (param instanceof float[] pf && h.weightDecay() == 0 && !h.maximize() && !h.nesterov()
                && (h.momentum() == 0 || !h.first())) {
            if (h.momentum() == 0) {
                Kernels.sgdStep(pf, (float[]) gradient, (float) -h.lr(), n);
            } else {
                Kernels.sgdMomentumStep(pf, (float[]) gradient, (float[]) buffer, (float) h.momentum(),
                        (float) (1 - h.dampening()), (float) -h.lr(), n);
            }
            return;
        }
        Vec p = Vec.of(param);
        Vec g = Vec.of(gradient);
        Vec buf = buffer == null ? null : Vec.of(buffer);
        Precision m = new Precision(param instanceof float[]);
        for (int i = 0; i < n; i++) {
            double d = grad(m, g, p, i, h.maximize(), h.weightDecay());
            if (h.momentum() != 0) {
                double b = h.first() ? d : m.add(m.r(buf.get(i) * m.r(h.momentum())), d, 1 - h.dampening());
                buf.set(i, b);
                d = h.nesterov() ? m.add(d, b, h.momentum()) : b;
            }
            p.set(i, m.add(p.get(i), d, -h.lr()));
        }
    }

    /**
     * Adam's and AdamW's options for one step ({@code step} counts from 1): AdamW decays the
     * parameter ({@code decoupled}), Adam adds {@code weightDecay * p} to the gradient.
     */
    public record Adam(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
                       boolean amsgrad, boolean maximize, long step) {
    }

    /** {@code torch.optim.Adam}/{@code AdamW}'s update; {@code maxSquares} is null without amsgrad. */
    public static void adam(Object param, Object gradient, Object average, Object squares, Object maxSquares, int n,
                            Adam h) {
        Precision m = new Precision(param instanceof float[]);
        double stepSize = h.lr() / (1 - Math.pow(h.beta1(), h.step()));
        double correction2 = m.r(Math.sqrt(1 - Math.pow(h.beta2(), h.step())));
        double decay = m.r(1 - h.lr() * h.weightDecay());
        if (param instanceof float[] pf && (h.weightDecay() == 0 || h.decoupled()) && !h.amsgrad() && !h.maximize()) {
            if (h.decoupled()) {
                for (int i = 0; i < n; i++) {
                    pf[i] *= (float) decay;
                }
            }
            Kernels.adamStep(pf, (float[]) gradient, (float[]) average, (float[]) squares, new Kernels.AdamCoefficients(
                    (float) h.beta1(), (float) h.beta2(), (float) (1 - h.beta1()), (float) (1 - h.beta2()),
                    (float) correction2, (float) h.eps(), (float) -stepSize), n);
            return;
        }
        Vec p = Vec.of(param);
        Vec g = Vec.of(gradient);
        Vec avg = Vec.of(average);
        Vec sq = Vec.of(squares);
        Vec maxSq = maxSquares == null ? null : Vec.of(maxSquares);
        for (int i = 0; i < n; i++) {
            if (h.decoupled()) {
                p.set(i, m.r(p.get(i) * decay));
            }
            double d = grad(m, g, p, i, h.maximize(), h.decoupled() ? 0 : h.weightDecay());
            double a = m.add(m.r(avg.get(i) * m.r(h.beta1())), d, 1 - h.beta1());
            double s = m.fma(m.r(m.r(1 - h.beta2()) * d), d, m.r(sq.get(i) * m.r(h.beta2())));
            avg.set(i, a);
            sq.set(i, s);
            if (h.amsgrad()) {
                s = Math.max(maxSq.get(i), s);
                maxSq.set(i, s);
            }
            double denom = m.r(m.r(m.r(Math.sqrt(s)) / correction2) + m.r(h.eps()));
            p.set(i, m.r(p.get(i) + m.r(m.r(m.r(-stepSize) * a) / denom)));
        }
    }

    /** RMSprop's options for one step. */
    public record Rmsprop(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered,
                          boolean maximize) {
    }

    /**
     * {@code torch.optim.RMSprop}'s update; {@code gradAvg} is null unless centered, {@code buf}
     * null without momentum.
     */
    public static void rmsprop(Object param, Object gradient, Object squares, Object gradAverage, Object buffer, int n,
                               Rmsprop h) {
        Vec p = Vec.of(param);
        Vec g = Vec.of(gradient);
        Vec sq = Vec.of(squares);
        Vec gradAvg = gradAverage == null ? null : Vec.of(gradAverage);
        Vec buf = buffer == null ? null : Vec.of(buffer);
        Precision m = new Precision(param instanceof float[]);
        for (int i = 0; i < n; i++) {
            double d = grad(m, g, p, i, h.maximize(), h.weightDecay());
            double s = m.fma(m.r(m.r(1 - h.alpha()) * d), d, m.r(sq.get(i) * m.r(h.alpha())));
            sq.set(i, s);
            double avg;
            if (h.centered()) {
                double ga = m.add(m.r(gradAvg.get(i) * m.r(h.alpha())), d, 1 - h.alpha());
                gradAvg.set(i, ga);
                avg = m.r(Math.sqrt(m.fma(m.r(-1.0 * ga), ga, s)));
            } else {
                avg = m.r(Math.sqrt(s));
            }
            avg = m.r(avg + m.r(h.eps()));
            if (h.momentum() > 0) {
                double b = m.r(m.r(buf.get(i) * m.r(h.momentum())) + m.r(d / avg));
                buf.set(i, b);
                p.set(i, m.add(p.get(i), b, -h.lr()));
            } else {
                p.set(i, m.r(p.get(i) + m.r(m.r(m.r(-h.lr()) * d) / avg)));
            }
        }
    }

    /** Adagrad's options for one step ({@code step} counts from 1). */
    public record Adagrad(double lr, double lrDecay, double weightDecay, double eps, boolean maximize, long step) {
    }

    /** {@code torch.optim.Adagrad}'s update. */
    public static void adagrad(Object param, Object gradient, Object sums, int n, Adagrad h) {
        Vec p = Vec.of(param);
        Vec g = Vec.of(gradient);
        Vec sum = Vec.of(sums);
        Precision m = new Precision(param instanceof float[]);
        double clr = h.lr() / (1 + (h.step() - 1) * h.lrDecay());
        for (int i = 0; i < n; i++) {
            double d = grad(m, g, p, i, h.maximize(), h.weightDecay());
            double s = m.fma(d, d, sum.get(i));
            sum.set(i, s);
            double std = m.r(m.r(Math.sqrt(s)) + m.r(h.eps()));
            p.set(i, m.r(p.get(i) + m.r(m.r(m.r(-clr) * d) / std)));
        }
    }
}

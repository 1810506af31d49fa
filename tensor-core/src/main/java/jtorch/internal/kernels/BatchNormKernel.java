package jtorch.internal.kernels;

import java.util.function.IntToDoubleFunction;

/**
 * Batch normalization over a dense {@code (N, C, *)} block (read through an
 * {@link IntToDoubleFunction}; a float32 block as a {@code float[]}, any other as a {@code double[]}), following
 * PyTorch 1.13's CPU kernels step by step so float32 results are PyTorch's bit for bit: with
 * {@code single}, every intermediate is rounded to float where PyTorch computes in float, and the
 * products its compiler fuses ({@code x * alpha + beta}, {@code bias - mean * alpha}, the
 * channels-last variance sums) are fused here too.
 *
 * <p>Statistics: with {@code image} (the product of the sizes after C) above 1, a channel's sum
 * and the sum of squared deviations from its float mean accumulate in double; with
 * {@code image == 1} PyTorch treats the block as channels-last and accumulates per-thread float
 * partial sums ({@link Parallel#numThreads} chunks of the batch), added in double.
 */
public final class BatchNormKernel {
    private BatchNormKernel() {}

    /** The shape of a block: {@code n} samples of {@code c} channels of {@code image} elements. */
    public record Shape(int n, int c, int image) {
        int count() {
            return n * image;
        }

        int at(int sample, int channel) {
            return (sample * c + channel) * image;
        }
    }

    /** A channel's batch mean and the sum of squared deviations from it. */
    public record Moments(double[] mean, double[] varSum) {
    }

    /**
     * The per-channel batch mean and sum of squared deviations of {@code x}. Each channel's sums
     * are one chain of dependent additions, as PyTorch's; four channels run side by side
     * ({@link #fourChannelMoments}), so the processor overlaps their chains without changing any
     * of them: BatchNorm2d(64) on 64x64x11x11 spent ~1.6 of ~2.8 ms in one chain at a time.
     */
    public static Moments moments(IntToDoubleFunction x, Shape s, boolean single) {
        double[] mean = new double[s.c()];
        double[] varSum = new double[s.c()];
        int threads = Parallel.numThreads();
        boolean channelsLast = s.image() == 1 && s.n() > threads;
        Parallel.forRange(s.c(), 3L * s.c() * s.count(), (from, to) -> {
            int ch = from;
            for (; !channelsLast && ch + 4 <= to; ch += 4) {
                Cancellation.check();
                fourChannelMoments(x, s, ch, single, mean, varSum);
            }
            for (; ch < to; ch++) {
                Cancellation.check();
                channelMoments(x, s, ch, channelsLast, threads, single, mean, varSum);
            }
        });
        return new Moments(mean, varSum);
    }

    /** One channel's mean and sum of squared deviations, into {@code mean[ch]} and {@code varSum[ch]}. */
    private static void channelMoments(IntToDoubleFunction x, Shape s, int ch, boolean channelsLast, int threads,
                                       boolean single, double[] mean, double[] varSum) {
        if (channelsLast) {
            mean[ch] = round(single, chunkedSum(x, s, ch, threads, single, Double.NaN) / s.count());
            varSum[ch] = round(single, chunkedSum(x, s, ch, threads, single, mean[ch]));
        } else {
            double sum = 0;
            for (int i = 0; i < s.n(); i++) {
                for (int k = s.at(i, ch), end = k + s.image(); k < end; k++) {
                    sum += x.applyAsDouble(k);
                }
            }
            double m = round(single, sum / s.count());
            double squares = 0;
            for (int i = 0; i < s.n(); i++) {
                for (int k = s.at(i, ch), end = k + s.image(); k < end; k++) {
                    squares += square(single, x.applyAsDouble(k), m);
                }
            }
            mean[ch] = m;
            varSum[ch] = round(single, squares);
        }
    }

    /**
     * {@link #channelMoments} (not channels-last) of channels {@code ch .. ch + 3} at once: each
     * channel's additions in its own order, the four chains interleaved.
     */
    private static void fourChannelMoments(IntToDoubleFunction x, Shape s, int ch, boolean single, double[] mean,
                                           double[] varSum) {
        int image = s.image();
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < s.n(); i++) {
            for (int k = s.at(i, ch), end = k + image; k < end; k++) {
                s0 += x.applyAsDouble(k);
                s1 += x.applyAsDouble(k + image);
                s2 += x.applyAsDouble(k + 2 * image);
                s3 += x.applyAsDouble(k + 3 * image);
            }
        }
        double m0 = round(single, s0 / s.count());
        double m1 = round(single, s1 / s.count());
        double m2 = round(single, s2 / s.count());
        double m3 = round(single, s3 / s.count());
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        for (int i = 0; i < s.n(); i++) {
            for (int k = s.at(i, ch), end = k + image; k < end; k++) {
                q0 += square(single, x.applyAsDouble(k), m0);
                q1 += square(single, x.applyAsDouble(k + image), m1);
                q2 += square(single, x.applyAsDouble(k + 2 * image), m2);
                q3 += square(single, x.applyAsDouble(k + 3 * image), m3);
            }
        }
        mean[ch] = m0;
        mean[ch + 1] = m1;
        mean[ch + 2] = m2;
        mean[ch + 3] = m3;
        varSum[ch] = round(single, q0);
        varSum[ch + 1] = round(single, q1);
        varSum[ch + 2] = round(single, q2);
        varSum[ch + 3] = round(single, q3);
    }

    /** {@code (v - m)^2} as PyTorch's statistics add it: the deviation and its square each in the input's precision. */
    private static double square(boolean single, double v, double m) {
        double d = round(single, v - m);
        return round(single, d * d);
    }

    /**
     * PyTorch's channels-last reduction of one channel: each of {@code threads} chunks of the
     * batch sums in float ({@code x}, or {@code (x - mean)^2} fused when {@code mean} is not NaN),
     * then the partial sums are added in double.
     */
    private static double chunkedSum(IntToDoubleFunction x, Shape s, int ch, int threads, boolean single, double mean) {
        int chunk = (s.n() + threads - 1) / threads;
        double total = 0;
        for (int from = 0; from < s.n(); from += chunk) {
            double partial = 0;
            for (int i = from, end = Math.min(s.n(), from + chunk); i < end; i++) {
                double v = x.applyAsDouble(s.at(i, ch));
                if (Double.isNaN(mean)) {
                    partial = round(single, partial + v);
                } else {
                    double d = round(single, v - mean);
                    partial = fma(single, d, d, partial);
                }
            }
            total += partial;
        }
        return total;
    }

    /**
     * The saved inverse standard deviation {@code 1 / sqrt(varSum / count + eps)} (in double, as
     * PyTorch's {@code InvStd<acc_type>}), and the running statistics updated in place:
     * {@code running = momentum * batch + (1 - momentum) * running}, the variance unbiased.
     */
    public static double[] updateStats(Moments m, Shape s, double[] runningMean, double[] runningVar, double momentum,
                                       double eps, boolean single) {
        double[] invstd = new double[s.c()];
        double mom = round(single, momentum);
        double keep = round(single, 1 - mom);
        for (int ch = 0; ch < s.c(); ch++) {
            double var = round(single, m.varSum()[ch] / s.count());
            invstd[ch] = round(single, 1 / Math.sqrt(var + eps));
            if (runningMean != null) {
                runningMean[ch] = round(single, round(single, mom * m.mean()[ch]) + round(single, keep * runningMean[ch]));
            }
            if (runningVar != null) {
                double unbiased = round(single, m.varSum()[ch] / (s.count() - 1));
                runningVar[ch] = round(single, mom * unbiased + round(single, keep * runningVar[ch]));
            }
        }
        return invstd;
    }

    /** The inverse standard deviations of evaluation mode, {@code 1 / sqrt(running_var + eps)} in the input's precision. */
    public static double[] evalInvstd(double[] runningVar, double eps, boolean single) {
        double[] invstd = new double[runningVar.length];
        double e = round(single, eps);
        for (int ch = 0; ch < invstd.length; ch++) {
            invstd[ch] = round(single, 1 / round(single, Math.sqrt(round(single, runningVar[ch] + e))));
        }
        return invstd;
    }

    /** {@code y = x * alpha + beta} per channel, {@code alpha = invstd * w}, {@code beta = b - mean * alpha} (weight, bias may be null). */
    public static void normalize(double[] x, Shape s, double[] mean, double[] invstd, double[] weight, double[] bias,
                                 boolean single, double[] y) {
        Parallel.forRange(s.c(), 2L * s.c() * s.count(), (from, to) -> {
            for (int ch = from; ch < to; ch++) {
                double alpha = alpha(single, ch, invstd, weight);
                double beta = beta(single, ch, mean, alpha, bias);
                for (int i = 0; i < s.n(); i++) {
                    Cancellation.checkEvery(i);
                    for (int k = s.at(i, ch), end = k + s.image(); k < end; k++) {
                        y[k] = fma(single, x[k], alpha, beta);
                    }
                }
            }
        });
    }

    /**
     * {@link #normalize} of a float32 block into a float32 result: the same fused multiply-adds,
     * a loop C2 vectorizes (it spent ~0.7 of ~2.8 ms on 64x64x11x11 through double arrays).
     */
    public static void normalize(float[] x, Shape s, double[] mean, double[] invstd, double[] weight, double[] bias,
                                 float[] y) {
        Parallel.forRange(s.c(), 2L * s.c() * s.count(), (from, to) -> {
            for (int ch = from; ch < to; ch++) {
                float alpha = (float) alpha(true, ch, invstd, weight);
                float beta = (float) beta(true, ch, mean, alpha, bias);
                for (int i = 0; i < s.n(); i++) {
                    Cancellation.checkEvery(i);
                    for (int k = s.at(i, ch), end = k + s.image(); k < end; k++) {
                        y[k] = Math.fma(x[k], alpha, beta);
                    }
                }
            }
        });
    }

    /** A channel's scale {@code invstd * w}. */
    private static double alpha(boolean single, int ch, double[] invstd, double[] weight) {
        return round(single, invstd[ch] * (weight == null ? 1 : weight[ch]));
    }

    /** A channel's shift {@code b - mean * alpha}, fused as PyTorch's compiler fuses it. */
    private static double beta(boolean single, int ch, double[] mean, double alpha, double[] bias) {
        return fma(single, -mean[ch], alpha, bias == null ? 0 : bias[ch]);
    }

    /** Per channel, {@code sum = Σ dy} and {@code dotp = Σ (x - mean) dy} (dotp zero without x). */
    public record GradSums(double[] sum, double[] dotp) {
    }

    /**
     * The per-channel sums of batch normalization's backward (PyTorch's batch_norm_backward):
     * {@code sum} in double, and, when {@code x} is given, {@code dotp} of each product rounded to
     * the input's precision; four channels side by side, each channel's additions in its order.
     */
    public static GradSums gradSums(IntToDoubleFunction dy, IntToDoubleFunction x, Shape s, double[] mean,
                                    boolean single) {
        double[] sum = new double[s.c()];
        double[] dotp = new double[s.c()];
        Parallel.forRange(s.c(), 2L * s.c() * s.count(), (from, to) -> {
            int ch = from;
            for (; ch + 4 <= to; ch += 4) {
                Cancellation.check();
                fourChannelGradSums(dy, x, s, ch, mean, single, sum, dotp);
            }
            for (; ch < to; ch++) {
                Cancellation.check();
                for (int i = 0; i < s.n(); i++) {
                    for (int k = s.at(i, ch), end = k + s.image(); k < end; k++) {
                        sum[ch] += dy.applyAsDouble(k);
                        if (x != null) {
                            dotp[ch] += product(single, x.applyAsDouble(k), mean[ch], dy.applyAsDouble(k));
                        }
                    }
                }
            }
        });
        return new GradSums(sum, dotp);
    }

    /** {@link #gradSums} of channels {@code ch .. ch + 3}, their chains interleaved. */
    private static void fourChannelGradSums(IntToDoubleFunction dy, IntToDoubleFunction x, Shape s, int ch,
                                            double[] mean, boolean single, double[] sum, double[] dotp) {
        int image = s.image();
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double p0 = 0;
        double p1 = 0;
        double p2 = 0;
        double p3 = 0;
        for (int i = 0; i < s.n(); i++) {
            for (int k = s.at(i, ch), end = k + image; k < end; k++) {
                double g0 = dy.applyAsDouble(k);
                double g1 = dy.applyAsDouble(k + image);
                double g2 = dy.applyAsDouble(k + 2 * image);
                double g3 = dy.applyAsDouble(k + 3 * image);
                s0 += g0;
                s1 += g1;
                s2 += g2;
                s3 += g3;
                if (x != null) {
                    p0 += product(single, x.applyAsDouble(k), mean[ch], g0);
                    p1 += product(single, x.applyAsDouble(k + image), mean[ch + 1], g1);
                    p2 += product(single, x.applyAsDouble(k + 2 * image), mean[ch + 2], g2);
                    p3 += product(single, x.applyAsDouble(k + 3 * image), mean[ch + 3], g3);
                }
            }
        }
        sum[ch] = s0;
        sum[ch + 1] = s1;
        sum[ch + 2] = s2;
        sum[ch + 3] = s3;
        dotp[ch] = p0;
        dotp[ch + 1] = p1;
        dotp[ch + 2] = p2;
        dotp[ch + 3] = p3;
    }

    /** {@code (x - mean) * dy} as PyTorch's backward adds it: each step in the input's precision. */
    private static double product(boolean single, double x, double mean, double dy) {
        return round(single, round(single, x - mean) * dy);
    }

    /**
     * The input's gradient (PyTorch's batch_norm_backward): in training
     * {@code dx = (dy - sum / count - (x - mean) * dotp * invstd^2 / count) * invstd * w}, in
     * evaluation {@code dx = dy * invstd * w}; per channel on {@link Parallel}'s threads.
     */
    public static void inputGrad(double[] dy, double[] x, Shape s, double[] mean, double[] invstd, double[] weight,
                                 boolean training, boolean single, GradSums sums, double[] dx) {
        Parallel.forRange(s.c(), 4L * s.c() * s.count(), (from, to) -> {
            for (int ch = from; ch < to; ch++) {
                double w = weight == null ? 1 : weight[ch];
                double k2 = round(single, round(single, round(single, sums.dotp()[ch]) * invstd[ch]) * invstd[ch]
                        / s.count());
                double gradMean = round(single, round(single, sums.sum()[ch]) / s.count());
                for (int i = 0; i < s.n(); i++) {
                    Cancellation.checkEvery(i);
                    for (int k = s.at(i, ch), end = k + s.image(); k < end; k++) {
                        double v = training
                                ? round(single, round(single, round(single, dy[k] - gradMean)
                                        - round(single, round(single, x[k] - mean[ch]) * k2)) * invstd[ch])
                                : round(single, dy[k] * invstd[ch]);
                        dx[k] = round(single, v * w);
                    }
                }
            }
        });
    }

    /**
     * {@link #inputGrad} of float32 arrays in float arithmetic: the same bits (each step a float
     * operation on floats, which a double operation rounded to float equals, as double has more
     * than 2 * 24 + 2 bits), in a loop C2 vectorizes: 64x64x11x11's backward took 4.4-5.1 ms with
     * this pass in rounded doubles and 2.7-2.8 ms with it in float (one thread, its sums
     * still computed by each of its three formulas).
     */
    public static void inputGrad(float[] dy, float[] x, Shape s, double[] mean, double[] invstd, double[] weight,
                                 boolean training, GradSums sums, float[] dx) {
        Parallel.forRange(s.c(), 4L * s.c() * s.count(), (from, to) -> {
            for (int ch = from; ch < to; ch++) {
                float w = weight == null ? 1 : (float) weight[ch];
                float inv = (float) invstd[ch];
                float m = (float) mean[ch];
                float k2 = (float) ((double) ((float) sums.dotp()[ch] * inv) * inv / s.count());
                float gradMean = (float) ((float) sums.sum()[ch] / (double) s.count());
                for (int i = 0; i < s.n(); i++) {
                    Cancellation.checkEvery(i);
                    int k = s.at(i, ch);
                    int end = k + s.image();
                    if (training) {
                        for (; k < end; k++) {
                            dx[k] = ((dy[k] - gradMean) - (x[k] - m) * k2) * inv * w;
                        }
                    } else {
                        for (; k < end; k++) {
                            dx[k] = dy[k] * inv * w;
                        }
                    }
                }
            }
        });
    }

    /** The weight's gradient {@code dotp * invstd}, per channel. */
    public static double[] weightGrad(GradSums sums, double[] invstd, boolean single) {
        double[] dw = new double[invstd.length];
        for (int ch = 0; ch < dw.length; ch++) {
            dw[ch] = round(single, sums.dotp()[ch] * invstd[ch]);
        }
        return dw;
    }

    /** The bias's gradient {@code sum}, per channel. */
    public static double[] biasGrad(GradSums sums, boolean single) {
        double[] db = new double[sums.sum().length];
        for (int ch = 0; ch < db.length; ch++) {
            db[ch] = round(single, sums.sum()[ch]);
        }
        return db;
    }

    private static double round(boolean single, double v) {
        return single ? (float) v : v;
    }

    private static double fma(boolean single, double a, double b, double c) {
        return single ? Math.fma((float) a, (float) b, (float) c) : Math.fma(a, b, c);
    }
}

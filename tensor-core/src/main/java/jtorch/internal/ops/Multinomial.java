package jtorch.internal.ops;

import jtorch.DType;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.dtype.Casts;
import jtorch.internal.kernels.Cancellation;
import jtorch.internal.kernels.Generator;
import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.tensor.TensorImpl;

/**
 * {@code torch.multinomial(input, num_samples, replacement)}: int64 category indices drawn from
 * the default {@link Generator} as PyTorch 1.13's CPU code draws them, so the samples equal
 * PyTorch's after the same {@code manual_seed}:
 * <ul>
 *   <li>without replacement: {@code q = empty_like(input).exponential_(1)} (one 53-bit uniform
 *       per element in q's memory order, which follows input's when input is dense, {@code
 *       -log(1 - u)} rounded to the dtype), then the
 *       argmax ({@code num_samples == 1}) or the top {@code num_samples} of {@code input / q};</li>
 *   <li>with replacement: per row, the cumulative sums in the accumulate type (float, double
 *       for float64) divided by the total, the last set to 1, then for each sample one 53-bit
 *       uniform {@code u} and a binary search for the first bucket with {@code cum >= u}.</li>
 * </ul>
 * Not differentiable (the result is integral).
 */
public final class Multinomial {
    private Multinomial() {
    }

    public static TensorImpl multinomial(TensorImpl self, int samples, boolean replacement) {
        if (self.dim() < 1 || self.dim() > 2) {
            throw new IllegalArgumentException("prob_dist must be 1 or 2 dim");
        }
        if (!self.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("multinomial only supports floating-point dtypes for input, got: "
                    + self.dtype().scalarName());
        }
        if (samples <= 0) {
            throw new IllegalArgumentException("cannot sample n_sample <= 0 samples");
        }
        int categories = self.sizes()[self.dim() - 1];
        if (!replacement && samples > categories) {
            throw new IllegalArgumentException(
                    "cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        }
        int rows = self.dim() == 2 ? self.sizes()[0] : 1;
        int[] shape = self.dim() == 1 ? new int[] {samples} : new int[] {rows, samples};
        TensorImpl result = TensorImpl.allocate(DType.INT64, shape);
        if (result.numel() == 0) {
            return result;
        }
        if (self.dtype() == DType.FLOAT16) {
            throw new UnsupportedOperationException("multinomial is not implemented for half on CPU");
        }
        TensorImpl p = self.contiguousCopy();
        if (replacement) {
            withReplacement(p, rows, categories, samples, result);
            return result;
        }
        return GradEnabled.without(() -> withoutReplacement(self, p, rows, categories, samples, result));
    }

    private static TensorImpl withoutReplacement(TensorImpl self, TensorImpl p, int rows, int categories, int samples,
            TensorImpl result) {
        int n = p.numel();
        boolean anyZeroRow = false;
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < categories; c++) {
                double v = p.getDouble(r * categories + c);
                if (!(v < Double.POSITIVE_INFINITY && v >= 0)) {
                    throw new IllegalArgumentException("probability tensor contains either `inf`, `nan` or element < 0");
                }
                sum += v;
            }
            anyZeroRow |= sum == 0;
        }
        if (anyZeroRow) {
            throw new IllegalArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
        }
        TensorImpl q = TensorImpl.allocateLike(self, self.dtype());
        int[] order = q.isContiguous() ? null : Sampling.memoryOrder(q, q);
        Generator g = Generator.getDefault();
        for (int k = 0; k < n; k++) {
            Cancellation.checkEvery(k);
            q.storage().setDouble(order == null ? k : order[k],
                    Casts.round(-1.0 * Math.log(1.0 - g.nextDouble()), q.dtype()));
        }
        TensorImpl ratio = Arithmetic.div(p, q);
        int dim = p.dim() - 1;
        TensorImpl picked = samples == 1 ? Extrema.arg(ratio, dim, true, Extrema.Kind.MAX)
                : Sorting.topk(ratio, samples, dim, true, true).indices;
        StridedCopy.copyInto(result, picked);
        return result;
    }

    private static void withReplacement(TensorImpl p, int rows, int categories, int samples, TensorImpl result) {
        DType acc = p.dtype() == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
        Generator g = Generator.getDefault();
        double[] cum = new double[categories];
        for (int r = 0; r < rows; r++) {
            Cancellation.check();
            double sum = 0;
            for (int c = 0; c < categories; c++) {
                double v = p.getDouble(r * categories + c);
                if (!(v >= 0)) {
                    throw new IllegalArgumentException(
                            "invalid multinomial distribution (encountering probability entry < 0)");
                }
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException(
                            "invalid multinomial distribution (encountering probability entry = infinity or NaN)");
                }
                sum = Casts.round(sum + v, acc);
                cum[c] = sum;
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
            }
            for (int c = 0; c < categories; c++) {
                cum[c] = Casts.round(cum[c] / sum, acc);
            }
            cum[categories - 1] = 1;
            for (int s = 0; s < samples; s++) {
                double u = g.nextDouble();
                int left = 0;
                int right = categories;
                while (right - left > 0) {
                    int mid = left + (right - left) / 2;
                    if (cum[mid] < u) {
                        left = mid + 1;
                    } else {
                        right = mid;
                    }
                }
                result.storage().setLong(r * samples + s, left);
            }
        }
    }
}

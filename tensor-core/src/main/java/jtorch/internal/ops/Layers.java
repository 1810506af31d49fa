package jtorch.internal.ops;

import static jtorch.internal.ops.Arithmetic.add;
import static jtorch.internal.ops.Arithmetic.div;
import static jtorch.internal.ops.Arithmetic.mul;
import static jtorch.internal.ops.Arithmetic.sub;

import jtorch.DType;
import jtorch.internal.autograd.GradEnabled;
import jtorch.internal.shape.Layout;
import jtorch.internal.storage.BufferStorage;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

/**
 * The layers of a first course as differentiable compositions of tensor ops (so their gradients
 * are the ops' own): dropout, embedding, 2-d convolution and max pooling (patches gathered with
 * {@code index_select} from the flattened input plus one padding slot, then a matrix product or a
 * max), batch and layer normalization, leaky ReLU and GELU. Random draws (dropout's mask) are
 * PyTorch's: {@code bernoulli_(1 - p)} is {@code rand(float64) < 1 - p} in memory order.
 */
public final class Layers {
    private Layers() {
    }

    /** {@code F.dropout(x, p, training)}: {@code x * mask / (1 - p)} in training, x itself otherwise. */
    public static TensorImpl dropout(TensorImpl x, double p, boolean training) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        if (!training || p == 0) {
            return x;
        }
        TensorImpl noise = GradEnabled.without(() -> {
            TensorImpl keep = Comparisons.lt(Sampling.rand(x.sizes().clone(), DType.FLOAT64, false),
                    Scalars.wrap(1 - p));
            return div(Conversions.to(keep, x.dtype()), Scalars.wrap(1 - p));
        });
        return mul(x, noise);
    }

    /** {@code F.embedding(input, weight)}: rows of {@code weight} picked by the int64 {@code input}. */
    public static TensorImpl embedding(TensorImpl input, TensorImpl weight) {
        if (input.dtype() != DType.INT64 && input.dtype() != DType.INT32) {
            throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following"
                    + " scalar types: Long, Int; but got torch." + input.dtype().scalarName() + "Tensor instead (while"
                    + " checking arguments for embedding)");
        }
        int[] shape = java.util.Arrays.copyOf(input.sizes(), input.dim() + 1);
        shape[input.dim()] = weight.sizes()[1];
        return Views.reshape(Gathering.indexSelect(weight, 0, Views.reshape(input, -1)), shape);
    }

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding, dilation)} (groups 1): im2col by index,
     * then {@code weight.reshape(O, -1) @ columns}; input {@code (N, C, H, W)} or {@code (C, H, W)}.
     */
    public static TensorImpl conv2d(TensorImpl input, TensorImpl weight, TensorImpl bias, int[] stride, int[] padding,
            int[] dilation) {
        boolean batched = input.dim() == 4;
        if (!batched && input.dim() != 3) {
            throw new IllegalArgumentException("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of"
                    + " size: " + java.util.Arrays.toString(input.sizes()));
        }
        TensorImpl x = batched ? input : Views.unsqueeze(input, 0);
        int[] w = weight.sizes();
        if (w.length != 4 || w[1] != x.sizes()[1]) {
            throw new IllegalArgumentException("Given groups=1, weight of size " + java.util.Arrays.toString(w)
                    + ", expected input" + java.util.Arrays.toString(x.sizes()) + " to have " + w[1]
                    + " channels, but got " + x.sizes()[1] + " channels instead");
        }
        Patches p = Patches.of(x.sizes(), w[2], w[3], stride, padding, dilation);
        TensorImpl columns = p.gather(x, 0);
        TensorImpl out = Linalg.matmul(Views.reshape(weight, w[0], -1), columns);
        if (bias != null) {
            out = add(out, Views.reshape(bias, w[0], 1));
        }
        out = Views.reshape(out, x.sizes()[0], w[0], p.outH, p.outW);
        return batched ? out : Views.squeeze(out, 0);
    }

    /** {@code F.max_pool2d(input, kernel, stride, padding, dilation)}: the max of each window (gradient to its first max). */
    public static TensorImpl maxPool2d(TensorImpl input, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        boolean batched = input.dim() == 4;
        if (!batched && input.dim() != 3) {
            throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
        }
        TensorImpl x = batched ? input : Views.unsqueeze(input, 0);
        int n = x.sizes()[0];
        int c = x.sizes()[1];
        int[] perChannel = {n * c, 1, x.sizes()[2], x.sizes()[3]};
        Patches p = Patches.of(perChannel, kernel[0], kernel[1], stride, padding, dilation);
        TensorImpl columns = p.gather(Views.reshape(x, perChannel), Double.NEGATIVE_INFINITY);
        TensorImpl out = Extrema.alongDim(columns, 1, false, Extrema.Kind.MAX).values;
        out = Views.reshape(out, n, c, p.outH, p.outW);
        return batched ? out : Views.squeeze(out, 0);
    }

    /**
     * {@code F.batch_norm}: in training, normalizes with the batch's mean and biased variance over
     * every dimension but 1 and updates the running statistics ({@code momentum}, unbiased
     * variance) in place; in evaluation, uses the running statistics.
     */
    public static TensorImpl batchNorm(TensorImpl x, TensorImpl runningMean, TensorImpl runningVar, TensorImpl weight,
            TensorImpl bias, boolean training, double momentum, double eps) {
        int[] dims = new int[x.dim() - 1];
        int count = 1;
        for (int d = 0, k = 0; d < x.dim(); d++) {
            if (d != 1) {
                dims[k++] = d;
                count *= x.sizes()[d];
            }
        }
        int[] channelShape = new int[x.dim()];
        java.util.Arrays.fill(channelShape, 1);
        channelShape[1] = x.sizes()[1];
        TensorImpl mean;
        TensorImpl var;
        if (training) {
            if (count <= 1) {
                throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
                        + "torch.Size(" + java.util.Arrays.toString(x.sizes()) + ")");
            }
            mean = Reductions.mean(x, dims, true, null);
            TensorImpl centered = sub(x, mean);
            var = Reductions.mean(mul(centered, centered), dims, true, null);
            if (runningMean != null) {
                TensorImpl m = mean;
                TensorImpl v = var;
                double unbiased = (double) count / (count - 1);
                GradEnabled.without(() -> {
                    Conversions.copyInPlace(runningMean, add(mul(runningMean, 1 - momentum),
                            mul(Views.reshape(m, -1), momentum)));
                    return Conversions.copyInPlace(runningVar, add(mul(runningVar, 1 - momentum),
                            mul(Views.reshape(v, -1), unbiased * momentum)));
                });
            }
        } else {
            mean = Views.reshape(runningMean, channelShape);
            var = Views.reshape(runningVar, channelShape);
        }
        TensorImpl y = div(sub(x, mean), Pointwise.sqrt(add(var, Scalars.wrap(eps))));
        if (weight != null) {
            y = add(mul(y, Views.reshape(weight, channelShape)), Views.reshape(bias, channelShape));
        }
        return y;
    }

    /** {@code F.layer_norm(x, normalized_shape, weight, bias, eps)} over the last {@code k} dimensions. */
    public static TensorImpl layerNorm(TensorImpl x, int k, TensorImpl weight, TensorImpl bias, double eps) {
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = x.dim() - k + i;
        }
        TensorImpl mean = Reductions.mean(x, dims, true, null);
        TensorImpl centered = sub(x, mean);
        TensorImpl var = Reductions.mean(mul(centered, centered), dims, true, null);
        TensorImpl y = div(centered, Pointwise.sqrt(add(var, Scalars.wrap(eps))));
        return weight == null ? y : add(mul(y, weight), bias);
    }

    /** {@code F.leaky_relu(x, negative_slope)}: {@code x} where positive, {@code x * slope} elsewhere. */
    public static TensorImpl leakyRelu(TensorImpl x, double slope) {
        return Where.where(Comparisons.gt(x, Scalars.wrap(0)), x, mul(x, slope));
    }

    /** {@code F.gelu(x)}: {@code x * (1 + erf(x / sqrt 2)) / 2}. */
    public static TensorImpl gelu(TensorImpl x) {
        return mul(mul(x, add(Transcendental.erf(mul(x, 1 / Math.sqrt(2))), Scalars.wrap(1))), 0.5);
    }

    /**
     * The windows of a 2-d sliding operation over {@code (N, C, H, W)}: for every output position
     * the input positions (channel-major, then kernel rows and columns) it reads, with padding
     * mapped to one extra slot holding the pad value.
     */
    private record Patches(int[] positions, int rows, int outH, int outW, int perSample) {
        static Patches of(int[] in, int kh, int kw, int[] stride, int[] padding, int[] dilation) {
            int c = in[1];
            int h = in[2];
            int w = in[3];
            int outH = (h + 2 * padding[0] - dilation[0] * (kh - 1) - 1) / stride[0] + 1;
            int outW = (w + 2 * padding[1] - dilation[1] * (kw - 1) - 1) / stride[1] + 1;
            if (outH <= 0 || outW <= 0) {
                throw new IllegalArgumentException("Calculated output size: (" + c + "x" + outH + "x" + outW
                        + "). Output size is too small");
            }
            int perSample = c * h * w;
            int rows = c * kh * kw;
            int[] positions = new int[rows * outH * outW];
            int k = 0;
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        for (int oh = 0; oh < outH; oh++) {
                            for (int ow = 0; ow < outW; ow++) {
                                int y = oh * stride[0] - padding[0] + i * dilation[0];
                                int x = ow * stride[1] - padding[1] + j * dilation[1];
                                positions[k++] = y < 0 || y >= h || x < 0 || x >= w ? perSample
                                        : ch * h * w + y * w + x;
                            }
                        }
                    }
                }
            }
            return new Patches(positions, rows, outH, outW, perSample);
        }

        /** {@code (N, rows, outH * outW)}: the windows' values, the padding slot holding {@code pad}. */
        TensorImpl gather(TensorImpl x, double pad) {
            int n = x.sizes()[0];
            TensorImpl flat = Views.reshape(x, n, perSample);
            TensorImpl padColumn = Creation.full(new int[] {n, 1}, pad, x.dtype(), false);
            TensorImpl padded = Joining.cat(new TensorImpl[] {flat, padColumn}, 1);
            long[] index = new long[positions.length];
            for (int i = 0; i < index.length; i++) {
                index[i] = positions[i];
            }
            TensorImpl indices = new TensorImpl(BufferStorage.of(index), Layout.contiguous(new int[] {index.length}), null);
            TensorImpl picked = Gathering.indexSelect(padded, 1, indices);
            return Views.reshape(picked, n, rows, outH * outW);
        }
    }
}

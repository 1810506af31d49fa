package jtorch;

import jtorch.internal.ops.Activations;
import jtorch.internal.ops.Convolution;
import jtorch.internal.ops.Layers;
import jtorch.internal.ops.Losses;
import jtorch.internal.ops.NNFunctional;
import jtorch.internal.ops.Normalization;
import jtorch.internal.ops.Pooling;
import jtorch.internal.tensor.TensorImpl;

/**
 * The home of {@link nn.functional}: Java keeps a class's members in one file, so {@code nn}
 * inherits its member class {@code functional} from here and users write
 * {@code nn.functional.relu(x)} as in PyTorch. Nothing else belongs in this class.
 */
abstract class Functional {
    Functional() {}

    /** {@code torch.nn.functional}: stateless, differentiable versions of the layers and losses. */
    public static final class functional {
        private functional() {}

        /** {@code F.sigmoid(input)}. */
        public static Tensor sigmoid(Tensor input) {
            return input.sigmoid();
        }

        /** {@code F.tanh(input)}. */
        public static Tensor tanh(Tensor input) {
            return input.tanh();
        }

        /** {@code F.relu_(input)}. */
        public static Tensor relu_(Tensor input) {
            return input.relu_();
        }

        /** {@code F.leaky_relu(input, negative_slope=0.01)}. */
        public static Tensor leakyRelu(Tensor input) {
            return leakyRelu(input, 0.01);
        }

        /** {@code F.leaky_relu(input, negative_slope)}. */
        public static Tensor leakyRelu(Tensor input, double negativeSlope) {
            return Tensor.of(Activations.leakyRelu(input.impl, negativeSlope));
        }

        /** {@code F.gelu(input)} (the exact, erf form). */
        public static Tensor gelu(Tensor input) {
            return gelu(input, "none");
        }

        /** {@code F.gelu(input, approximate)}: {@code "none"} (the erf form) or {@code "tanh"}. */
        public static Tensor gelu(Tensor input, String approximate) {
            return Tensor.of(Activations.gelu(input.impl, approximate));
        }

        /** {@code F.hardtanh(input, min_val=-1.0, max_val=1.0)}. */
        public static Tensor hardtanh(Tensor input) {
            return hardtanh(input, -1.0, 1.0);
        }

        /**
         * {@code F.hardtanh(input, min_val, max_val)}: {@code clamp(input, min_val, max_val)},
         * backward {@code HardtanhBackward0}.
         */
        public static Tensor hardtanh(Tensor input, double minVal, double maxVal) {
            return Tensor.of(Activations.hardtanh(input.impl, minVal, maxVal));
        }

        /** {@code F.relu6(input)}: {@code hardtanh(input, 0, 6)}. */
        public static Tensor relu6(Tensor input) {
            return hardtanh(input, 0, 6);
        }

        /** {@code F.silu(input)}: {@code input * sigmoid(input)}. */
        public static Tensor silu(Tensor input) {
            return Tensor.of(Activations.silu(input.impl));
        }

        /** {@code F.elu(input, alpha=1.0)}. */
        public static Tensor elu(Tensor input) {
            return elu(input, 1.0);
        }

        /** {@code F.elu(input, alpha)}: {@code input} where positive, else {@code alpha * (exp(input) - 1)}. */
        public static Tensor elu(Tensor input, double alpha) {
            return Tensor.of(Activations.elu(input.impl, alpha));
        }

        /** {@code F.softplus(input, beta=1, threshold=20)}. */
        public static Tensor softplus(Tensor input) {
            return softplus(input, 1, 20);
        }

        /** {@code F.softplus(input, beta, threshold)}: {@code log(1 + exp(beta * input)) / beta}, linear past the threshold. */
        public static Tensor softplus(Tensor input, double beta, double threshold) {
            return Tensor.of(Activations.softplus(input.impl, beta, threshold));
        }

        /** {@code F.dropout(input, p=0.5, training=True)}. */
        public static Tensor dropout(Tensor input) {
            return dropout(input, 0.5, true);
        }

        /** {@code F.dropout(input, p)}. */
        public static Tensor dropout(Tensor input, double p) {
            return dropout(input, p, true);
        }

        /** {@code F.dropout(input, p, training)}. */
        public static Tensor dropout(Tensor input, double p, boolean training) {
            return dropout(input, p, training, false);
        }

        /** {@code F.dropout(input, p, training, inplace)}: with {@code inplace}, the input itself is scaled and returned. */
        public static Tensor dropout(Tensor input, double p, boolean training, boolean inplace) {
            return Tensor.of(Layers.dropout(input.impl, p, training, inplace));
        }

        /** {@code F.embedding(input, weight)}: rows of {@code weight} picked by the int64 {@code input}. */
        public static Tensor embedding(Tensor input, Tensor weight) {
            return Tensor.of(Layers.embedding(input.impl, weight.impl, -1));
        }

        /**
         * {@code F.embedding(input, weight, padding_idx)}: row {@code padding_idx} (negative counts from
         * the end) gets no gradient.
         */
        public static Tensor embedding(Tensor input, Tensor weight, int paddingIdx) {
            long row = Layers.paddingIndex(paddingIdx, weight.impl);
            return Tensor.of(Layers.embedding(input.impl, weight.impl, row));
        }

        /** {@code F.conv2d(input, weight)}: stride 1, no padding, no bias. */
        public static Tensor conv2d(Tensor input, Tensor weight) {
            return conv2d(input, weight, null, 1, 0, 1, 1);
        }

        /** {@code F.conv2d(input, weight, bias)} (bias may be null). */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
            return conv2d(input, weight, bias, 1, 0, 1, 1);
        }

        /** {@code F.conv2d(input, weight, bias, stride)}. */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride) {
            return conv2d(input, weight, bias, stride, 0, 1, 1);
        }

        /** {@code F.conv2d(input, weight, bias, stride, padding)}. */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding) {
            return conv2d(input, weight, bias, stride, padding, 1, 1);
        }

        /** {@code F.conv2d(input, weight, bias, stride, padding, dilation)}. */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation) {
            return conv2d(input, weight, bias, stride, padding, dilation, 1);
        }

        /** {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}, each the same on both axes. */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
                                    int groups) {
            return conv2d(input, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {dilation}, groups);
        }

        /** {@code F.conv2d(input, weight, bias, stride=(sh, sw), padding=(ph, pw))}. */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding) {
            return conv2d(input, weight, bias, stride, padding, new int[] {1}, 1);
        }

        /** {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)} with per-axis values. */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                    int[] dilation, int groups) {
            return Tensor.of(Convolution.conv2d(input.impl, weight.impl, impl(bias), stride, padding, dilation,
                    groups));
        }

        /** {@code F.conv2d(input, weight, bias, stride, padding='same' | 'valid')}. */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, String padding) {
            return conv2d(input, weight, bias, new int[] {stride}, padding, new int[] {1}, 1);
        }

        /** {@code F.conv2d(input, weight, bias, stride, padding='same' | 'valid', dilation, groups)}. */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, String padding, int dilation,
                                    int groups) {
            return conv2d(input, weight, bias, new int[] {stride}, padding, new int[] {dilation}, groups);
        }

        /** {@code F.conv2d(input, weight, bias, stride, padding='same' | 'valid', dilation, groups)} with per-axis values. */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, String padding,
                                    int[] dilation, int groups) {
            return Tensor.of(Convolution.conv2d(input.impl, weight.impl, impl(bias), stride, padding, dilation,
                    groups));
        }

        /** {@code F.max_pool2d(input, kernel_size)}: stride = kernel size, no padding. */
        public static Tensor maxPool2d(Tensor input, int kernelSize) {
            return maxPool2d(input, new int[] {kernelSize}, new int[0], new int[] {0}, new int[] {1}, false);
        }

        /** {@code F.max_pool2d(input, kernel_size, stride)}. */
        public static Tensor maxPool2d(Tensor input, int kernelSize, int stride) {
            return maxPool2d(input, kernelSize, stride, 0, 1, false);
        }

        /** {@code F.max_pool2d(input, kernel_size, stride, padding)}. */
        public static Tensor maxPool2d(Tensor input, int kernelSize, int stride, int padding) {
            return maxPool2d(input, kernelSize, stride, padding, 1, false);
        }

        /** {@code F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)}, each the same on both axes. */
        public static Tensor maxPool2d(Tensor input, int kernelSize, int stride, int padding, int dilation,
                                       boolean ceilMode) {
            return maxPool2d(input, new int[] {kernelSize}, new int[] {stride}, new int[] {padding},
                    new int[] {dilation}, ceilMode);
        }

        /** {@code F.max_pool2d(input, kernel_size=(kh, kw))}: stride = kernel size, no padding. */
        public static Tensor maxPool2d(Tensor input, int[] kernelSize) {
            return maxPool2d(input, kernelSize, new int[0], new int[] {0}, new int[] {1}, false);
        }

        /**
         * {@code F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)} with per-axis
         * values; an empty {@code stride} means the kernel size.
         */
        public static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                                       boolean ceilMode) {
            return maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode).get(0);
        }

        /**
         * {@code F.max_pool2d(..., return_indices=True)} (also {@code F.max_pool2d_with_indices}): the
         * pooled values and, for each, the index of its maximum within its input plane.
         */
        public static TensorList maxPool2dWithIndices(Tensor input, int[] kernelSize, int[] stride, int[] padding,
                                                      int[] dilation, boolean ceilMode) {
            return TensorList.wrap(Pooling.maxPool2dWithIndices(input.impl, kernelSize, stride, padding, dilation,
                    ceilMode));
        }

        /** {@code F.batch_norm(input, running_mean, running_var)}: evaluation mode, no scale or shift. */
        public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar) {
            return batchNorm(input, runningMean, runningVar, null, null, false, 0.1, 1e-5);
        }

        /** {@code F.batch_norm(input, running_mean, running_var, weight, bias, training)}: momentum 0.1, eps 1e-5. */
        public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                       boolean training) {
            return batchNorm(input, runningMean, runningVar, weight, bias, training, 0.1, 1e-5);
        }

        /**
         * {@code F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)};
         * in training the running statistics (if given) are updated in place.
         */
        public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                       boolean training, double momentum, double eps) {
            return Tensor.of(Normalization.batchNorm(input.impl, impl(runningMean), impl(runningVar), impl(weight),
                    impl(bias), training, momentum, eps));
        }

        /** {@code F.layer_norm(input, normalized_shape)}: no scale or shift, eps 1e-5. */
        public static Tensor layerNorm(Tensor input, int[] normalizedShape) {
            return layerNorm(input, normalizedShape, null, null, 1e-5);
        }

        /** {@code F.layer_norm(input, normalized_shape, weight, bias)}: eps 1e-5. */
        public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias) {
            return layerNorm(input, normalizedShape, weight, bias, 1e-5);
        }

        /** {@code F.layer_norm(input, normalized_shape, weight, bias, eps)}. */
        public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
            return Tensor.of(Normalization.layerNorm(input.impl, normalizedShape, impl(weight), impl(bias), eps));
        }

        /** {@code F.l1_loss(input, target)}. */
        public static Tensor l1Loss(Tensor input, Tensor target) {
            return l1Loss(input, target, "mean");
        }

        /** {@code F.l1_loss(input, target, reduction=...)}. */
        public static Tensor l1Loss(Tensor input, Tensor target, String reduction) {
            return Tensor.of(Losses.l1Loss(input.impl, target.impl, NNFunctional.Reduction.of(reduction)));
        }

        /** {@code F.smooth_l1_loss(input, target)} (beta 1). */
        public static Tensor smoothL1Loss(Tensor input, Tensor target) {
            return smoothL1Loss(input, target, "mean", 1.0);
        }

        /** {@code F.smooth_l1_loss(input, target, reduction=..., beta=...)}. */
        public static Tensor smoothL1Loss(Tensor input, Tensor target, String reduction, double beta) {
            return Tensor.of(Losses.smoothL1Loss(input.impl, target.impl, NNFunctional.Reduction.of(reduction), beta));
        }

        /** {@code F.huber_loss(input, target)} (delta 1). */
        public static Tensor huberLoss(Tensor input, Tensor target) {
            return huberLoss(input, target, "mean", 1.0);
        }

        /** {@code F.huber_loss(input, target, reduction=..., delta=...)}. */
        public static Tensor huberLoss(Tensor input, Tensor target, String reduction, double delta) {
            return Tensor.of(Losses.huberLoss(input.impl, target.impl, NNFunctional.Reduction.of(reduction), delta));
        }

        /** {@code F.binary_cross_entropy(input, target)} on probabilities. */
        public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
            return binaryCrossEntropy(input, target, "mean");
        }

        /** {@code F.binary_cross_entropy(input, target, reduction=...)}. */
        public static Tensor binaryCrossEntropy(Tensor input, Tensor target, String reduction) {
            return Tensor.of(Losses.binaryCrossEntropy(input.impl, target.impl, NNFunctional.Reduction.of(reduction)));
        }

        /** {@code F.binary_cross_entropy_with_logits(input, target)} on raw scores. */
        public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
            return binaryCrossEntropyWithLogits(input, target, "mean");
        }

        /** {@code F.binary_cross_entropy_with_logits(input, target, reduction=...)}. */
        public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, String reduction) {
            return Tensor.of(Losses.binaryCrossEntropyWithLogits(input.impl, target.impl,
                    NNFunctional.Reduction.of(reduction)));
        }


        /** {@code F.linear(input, weight, bias)}: {@code input @ weight^T + bias} (bias may be null). */
        public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
            return Tensor.of(NNFunctional.linear(input.impl, weight.impl, bias == null ? null : bias.impl));
        }

        /** {@code F.linear(input, weight)}. */
        public static Tensor linear(Tensor input, Tensor weight) {
            return linear(input, weight, null);
        }

        /** {@code F.relu(input)}. */
        public static Tensor relu(Tensor input) {
            return input.relu();
        }

        /** {@code F.softmax(input, dim)}. */
        public static Tensor softmax(Tensor input, int dim) {
            return Tensor.of(NNFunctional.softmax(input.impl, dim));
        }

        /** {@code F.log_softmax(input, dim)}. */
        public static Tensor logSoftmax(Tensor input, int dim) {
            return Tensor.of(NNFunctional.logSoftmax(input.impl, dim));
        }

        /** {@code F.nll_loss(input, target)}: input holds log-probabilities, {@code (N, C)} or {@code (C)}. */
        public static Tensor nllLoss(Tensor input, Tensor target) {
            return nllLoss(input, target, "mean");
        }

        /** {@code F.nll_loss(input, target, reduction=...)}. */
        public static Tensor nllLoss(Tensor input, Tensor target, String reduction) {
            return Tensor.of(NNFunctional.nllLoss(input.impl, target.impl, NNFunctional.Reduction.of(reduction),
                    NNFunctional.IGNORE_INDEX));
        }

        /** {@code F.cross_entropy(input, target)}: class-index targets (int64) or class probabilities. */
        public static Tensor crossEntropy(Tensor input, Tensor target) {
            return crossEntropy(input, target, "mean");
        }

        /**
         * {@code F.cross_entropy(input, target, reduction=...)}: input {@code (N, C)}, {@code (C)} or
         * {@code (N, C, d1, ...)}; target int64 class indices ({@code -100} ignored), or
         * probabilities shaped like the input.
         */
        public static Tensor crossEntropy(Tensor input, Tensor target, String reduction) {
            return Tensor.of(NNFunctional.crossEntropy(input.impl, target.impl, NNFunctional.Reduction.of(reduction)));
        }

        /** {@code F.mse_loss(input, target)}. */
        public static Tensor mseLoss(Tensor input, Tensor target) {
            return mseLoss(input, target, "mean");
        }

        /** {@code F.mse_loss(input, target, reduction=...)}. */
        public static Tensor mseLoss(Tensor input, Tensor target, String reduction) {
            return Tensor.of(NNFunctional.mseLoss(input.impl, target.impl, NNFunctional.Reduction.of(reduction)));
        }

        /** {@code F.one_hot(tensor, num_classes)}: int64 indicators; {@code -1} infers the class count. */
        public static Tensor oneHot(Tensor tensor, int numClasses) {
            return Tensor.of(NNFunctional.oneHot(tensor.impl, numClasses));
        }

        /** {@code F.one_hot(tensor)}: one class more than the largest value. */
        public static Tensor oneHot(Tensor tensor) {
            return Tensor.of(NNFunctional.oneHot(tensor.impl, -1));
        }

        /** A tensor argument PyTorch allows to be None. */
        private static TensorImpl impl(Tensor t) {
            return t == null ? null : t.impl;
        }
    }
}

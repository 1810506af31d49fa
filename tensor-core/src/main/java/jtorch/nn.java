package jtorch;

import java.util.ArrayList;
import java.util.List;

import jtorch.internal.ops.NNFunctional;

/**
 * The {@code torch.nn} namespace, as a table: the {@link Module} base, {@link #Parameter}, and
 * every layer, activation and loss with its constructors as PyTorch spells them. A layer's
 * behaviour lives in its own unit ({@code LinearImpl}, {@code Conv2dImpl}, ...), which the class
 * here extends; {@link functional} (stateless forms) is declared in {@code Functional}.
 *
 * <pre>{@code
 * torch.manualSeed(0);
 * var model = new nn.Sequential(new nn.Linear(784, 256), new nn.ReLU(), new nn.Linear(256, 10));
 * var lossFn = new nn.CrossEntropyLoss();
 * var opt = new optim.SGD(model.parameters(), 0.01, 0.9);
 * opt.zeroGrad();
 * Tensor loss = lossFn.forward(model.forward(x), y);
 * loss.backward();
 * opt.step();
 * }</pre>
 */
@SuppressWarnings({"checkstyle:TypeName", "java:S101"})
public final class nn extends Functional {
    private nn() {}

    /**
     * Base class of layers and models, as {@code torch.nn.Module}: owns named parameters, buffers
     * and submodules, a training flag, and prints as PyTorch's module repr (the behaviour is in
     * {@code ModuleImpl}).
     *
     * <p>A subclass registers parameters and submodules with {@link #registerParameter} and
     * {@link #registerModule}; fields of a subclass holding a {@code Module}, or a leaf tensor that
     * requires grad, are registered too, by field name in declaration order after the explicit
     * ones (Java cannot observe attribute assignment as Python's {@code __setattr__} does).
     */
    public abstract static non-sealed class Module extends ModuleImpl {
        /** A module with nothing registered yet, in training mode. */
        protected Module() {}
    }

    /**
     * What {@code load_state_dict} returns: the keys it did not find and the ones it did not use;
     * prints as PyTorch's {@code <All keys matched successfully>} or
     * {@code _IncompatibleKeys(missing_keys=[...], unexpected_keys=[...])}.
     */
    public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
        public IncompatibleKeys {
            missingKeys = List.copyOf(missingKeys);
            unexpectedKeys = List.copyOf(unexpectedKeys);
        }

        @Override
        public String toString() {
            if (missingKeys.isEmpty() && unexpectedKeys.isEmpty()) {
                return "<All keys matched successfully>";
            }
            return "_IncompatibleKeys(missing_keys=" + pyList(missingKeys) + ", unexpected_keys="
                    + pyList(unexpectedKeys) + ")";
        }

        private static String pyList(List<String> keys) {
            return "[" + String.join(", ", keys.stream().map(k -> "'" + k + "'").toList()) + "]";
        }
    }

    /**
     * {@code nn.Parameter(data)}: a leaf sharing {@code data}'s values that requires grad and prints
     * as {@code Parameter containing:}; a module registers it when assigned to a field.
     */
    public static Tensor Parameter(Tensor data) {
        return Parameter(data, true);
    }

    /** {@code nn.Parameter(data, requires_grad)}. */
    public static Tensor Parameter(Tensor data, boolean requiresGrad) {
        return data.detach().requiresGrad_(requiresGrad).markParameter();
    }

    // ---------------------------------------------------------------- containers

    /** {@code nn.Sequential(m0, m1, ...)}: applies the modules in order; children are named 0, 1, .... */
    public static final class Sequential extends Module {
        private final List<Module> layers = new ArrayList<>();

        /** {@code nn.Sequential(*modules)}. */
        public Sequential(Module... modules) {
            for (Module m : modules) {
                append(m);
            }
        }

        /** {@code append(module)}: adds a module at the end; returns this. */
        public Sequential append(Module module) {
            if (module == null) {
                throw new IllegalArgumentException("Sequential.append() expects a Module, got None");
            }
            registerModule(Integer.toString(layers.size()), module);
            layers.add(module);
            return this;
        }

        /**
         * {@code seq[i]}; negative indices count from the end. Typed as the caller's variable, so
         * {@code nn.Linear first = seq.get(0);} needs no cast ({@code seq.<nn.Linear>get(0).weight()}).
         */
        @SuppressWarnings("unchecked")
        public <M extends Module> M get(int index) {
            int n = layers.size();
            if (index < -n || index >= n) {
                throw new IndexOutOfBoundsException("index " + index + " is out of range");
            }
            return (M) layers.get(index < 0 ? index + n : index);
        }

        /** {@code len(seq)}. */
        public int len() {
            return layers.size();
        }

        @Override
        public Tensor forward(Tensor input) {
            Tensor x = input;
            for (Module m : layers) {
                x = m.forward(x);
            }
            return x;
        }
    }

    // ---------------------------------------------------------------- layers

    /**
     * {@code nn.Linear(in_features, out_features, bias=True)}: {@code y = x W^T + b}, initialised
     * as PyTorch does (Kaiming-uniform weight, uniform bias in {@code ±1/sqrt(in_features)}),
     * drawing from the generator {@code torch.manualSeed} seeds.
     */
    public static final class Linear extends LinearImpl {
        /** {@code nn.Linear(in_features, out_features)}. */
        public Linear(int inFeatures, int outFeatures) {
            super(inFeatures, outFeatures, true);
        }

        /** {@code nn.Linear(in_features, out_features, bias=...)}. */
        public Linear(int inFeatures, int outFeatures, boolean bias) {
            super(inFeatures, outFeatures, bias);
        }
    }

    /**
     * {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
     * groups=1, bias=True)}: a 2-d convolution, initialised as PyTorch's ({@code kaiming_uniform_}
     * weight, uniform bias). Sizes are one int for both axes or {@code new int[] {h, w}}; padding
     * may also be {@code "same"} or {@code "valid"}.
     */
    public static final class Conv2d extends Conv2dImpl {
        /** {@code nn.Conv2d(in_channels, out_channels, kernel_size)}. */
        public Conv2d(int inChannels, int outChannels, int kernelSize) {
            this(inChannels, outChannels, kernelSize, 1, 0, 1, 1, true);
        }

        /** {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride)}. */
        public Conv2d(int inChannels, int outChannels, int kernelSize, int stride) {
            this(inChannels, outChannels, kernelSize, stride, 0, 1, 1, true);
        }

        /** {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding)}. */
        public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
            this(inChannels, outChannels, kernelSize, stride, padding, 1, 1, true);
        }

        /** {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias)}. */
        public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation,
                      int groups, boolean bias) {
            super(inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, new int[] {padding},
                    new int[] {dilation}, groups, bias);
        }

        /** {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding='same' | 'valid')}. */
        public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, String padding) {
            this(inChannels, outChannels, kernelSize, stride, padding, 1, 1, true);
        }

        /** {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding='same' | 'valid', dilation, groups, bias)}. */
        public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, String padding, int dilation,
                      int groups, boolean bias) {
            super(inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, padding, new int[] {dilation},
                    groups, bias);
        }

        /** {@code nn.Conv2d(in_channels, out_channels, kernel_size=(kh, kw), stride=(sh, sw), padding=(ph, pw))}. */
        public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding) {
            this(inChannels, outChannels, kernelSize, stride, padding, new int[] {1}, 1, true);
        }

        /** {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias)} with per-axis sizes. */
        public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                      int groups, boolean bias) {
            super(inChannels, outChannels, kernelSize, stride, padding, dilation, groups, bias);
        }
    }

    /**
     * {@code nn.MaxPool2d(kernel_size, stride=kernel_size, padding=0, dilation=1, return_indices=False,
     * ceil_mode=False)}; {@code forwardWithIndices} gives what {@code return_indices=True} returns.
     */
    public static final class MaxPool2d extends MaxPool2dImpl {
        /** {@code nn.MaxPool2d(kernel_size)}. */
        public MaxPool2d(int kernelSize) {
            super(new int[] {kernelSize}, null, new int[] {0}, new int[] {1}, false);
        }

        /** {@code nn.MaxPool2d(kernel_size, stride)}. */
        public MaxPool2d(int kernelSize, int stride) {
            this(kernelSize, stride, 0);
        }

        /** {@code nn.MaxPool2d(kernel_size, stride, padding)}. */
        public MaxPool2d(int kernelSize, int stride, int padding) {
            this(kernelSize, stride, padding, 1, false, false);
        }

        /** {@code nn.MaxPool2d(kernel_size, stride, padding, dilation, return_indices, ceil_mode)}. */
        public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean returnIndices,
                         boolean ceilMode) {
            super(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {dilation}, ceilMode);
        }

        /** {@code nn.MaxPool2d(kernel_size=(kh, kw))}. */
        public MaxPool2d(int[] kernelSize) {
            super(kernelSize, null, new int[] {0}, new int[] {1}, false);
        }

        /** {@code nn.MaxPool2d(kernel_size, stride, padding, dilation, return_indices, ceil_mode)} with per-axis sizes. */
        public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean returnIndices,
                         boolean ceilMode) {
            super(kernelSize, stride, padding, dilation, ceilMode);
        }
    }

    /** {@code nn.BatchNorm1d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)} over {@code (N, C)} or {@code (N, C, L)}. */
    public static final class BatchNorm1d extends BatchNormImpl {
        /** {@code nn.BatchNorm1d(num_features)}. */
        public BatchNorm1d(int numFeatures) {
            this(numFeatures, 1e-5, 0.1, true, true);
        }

        /** {@code nn.BatchNorm1d(num_features, eps, momentum)}; a null momentum averages all batches. */
        public BatchNorm1d(int numFeatures, double eps, Double momentum) {
            this(numFeatures, eps, momentum, true, true);
        }

        /** {@code nn.BatchNorm1d(num_features, eps, momentum, affine, track_running_stats)}. */
        public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
            super(numFeatures, eps, momentum, affine, trackRunningStats, 2, 3);
        }
    }

    /** {@code nn.BatchNorm2d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)} over {@code (N, C, H, W)}. */
    public static final class BatchNorm2d extends BatchNormImpl {
        /** {@code nn.BatchNorm2d(num_features)}. */
        public BatchNorm2d(int numFeatures) {
            this(numFeatures, 1e-5, 0.1, true, true);
        }

        /** {@code nn.BatchNorm2d(num_features, eps, momentum)}; a null momentum averages all batches. */
        public BatchNorm2d(int numFeatures, double eps, Double momentum) {
            this(numFeatures, eps, momentum, true, true);
        }

        /** {@code nn.BatchNorm2d(num_features, eps, momentum, affine, track_running_stats)}. */
        public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
            super(numFeatures, eps, momentum, affine, trackRunningStats, 4);
        }
    }

    /** {@code nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True)}: normalizes over the last dimensions. */
    public static final class LayerNorm extends LayerNormImpl {
        /** {@code nn.LayerNorm(normalized_shape)}: one or more trailing sizes. */
        public LayerNorm(int... normalizedShape) {
            super(normalizedShape, 1e-5, true);
        }

        /** {@code nn.LayerNorm(normalized_shape, eps)}. */
        public LayerNorm(int[] normalizedShape, double eps) {
            super(normalizedShape, eps, true);
        }

        /** {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine)}. */
        public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
            super(normalizedShape, eps, elementwiseAffine);
        }
    }

    /** {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx=None)}: a lookup table initialised from N(0, 1). */
    public static final class Embedding extends EmbeddingImpl {
        /** {@code nn.Embedding(num_embeddings, embedding_dim)}. */
        public Embedding(int numEmbeddings, int embeddingDim) {
            super(numEmbeddings, embeddingDim, null);
        }

        /** {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx)}: that row starts at zero and gets no gradient. */
        public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
            super(numEmbeddings, embeddingDim, paddingIdx);
        }

        private Embedding(Tensor embeddings, boolean freeze, Integer paddingIdx) {
            super(embeddings, freeze, paddingIdx);
        }

        /** {@code nn.Embedding.from_pretrained(embeddings)}: a frozen table holding {@code embeddings}. */
        public static Embedding fromPretrained(Tensor embeddings) {
            return new Embedding(embeddings, true, null);
        }

        /** {@code nn.Embedding.from_pretrained(embeddings, freeze, padding_idx)}. */
        public static Embedding fromPretrained(Tensor embeddings, boolean freeze, Integer paddingIdx) {
            return new Embedding(embeddings, freeze, paddingIdx);
        }
    }

    /** {@code nn.Dropout(p=0.5, inplace=False)}: zeroes elements with probability p in training mode, scales the rest by 1/(1-p). */
    public static final class Dropout extends DropoutImpl {
        /** {@code nn.Dropout()}. */
        public Dropout() {
            super(0.5, false);
        }

        /** {@code nn.Dropout(p)}. */
        public Dropout(double p) {
            super(p, false);
        }

        /** {@code nn.Dropout(p, inplace)}. */
        public Dropout(double p, boolean inplace) {
            super(p, inplace);
        }
    }

    /** {@code nn.Flatten(start_dim=1, end_dim=-1)}: one dimension per sample. */
    public static final class Flatten extends FlattenImpl {
        /** {@code nn.Flatten()}. */
        public Flatten() {
            super(1, -1);
        }

        /** {@code nn.Flatten(start_dim, end_dim)}. */
        public Flatten(int startDim, int endDim) {
            super(startDim, endDim);
        }
    }

    /** {@code nn.Identity()}: returns its input. */
    public static final class Identity extends ActivationImpl {
        public Identity() {
            super(x -> x, "");
        }
    }

    // ---------------------------------------------------------------- activations

    /** {@code nn.ReLU()}: {@code max(x, 0)}. */
    public static final class ReLU extends ActivationImpl {
        public ReLU() {
            super(Tensor::relu, "");
        }
    }

    /** {@code nn.Sigmoid()}. */
    public static final class Sigmoid extends ActivationImpl {
        public Sigmoid() {
            super(Tensor::sigmoid, "");
        }
    }

    /** {@code nn.Tanh()}. */
    public static final class Tanh extends ActivationImpl {
        public Tanh() {
            super(Tensor::tanh, "");
        }
    }

    /** {@code nn.GELU(approximate='none')}: {@code x * Phi(x)}, the exact normal CDF or ({@code 'tanh'}) its approximation. */
    public static final class GELU extends ActivationImpl {
        /** {@code nn.GELU()}. */
        public GELU() {
            this("none");
        }

        /** {@code nn.GELU(approximate)}: {@code "none"} or {@code "tanh"} (checked when it runs, as in PyTorch). */
        public GELU(String approximate) {
            super(x -> functional.gelu(x, approximate), "approximate='" + approximate + "'");
        }
    }

    /** {@code nn.LeakyReLU(negative_slope=0.01)}: {@code x} where positive, {@code negative_slope * x} elsewhere. */
    public static final class LeakyReLU extends ActivationImpl {
        /** {@code nn.LeakyReLU()}. */
        public LeakyReLU() {
            this(0.01);
        }

        /** {@code nn.LeakyReLU(negative_slope)}. */
        public LeakyReLU(double negativeSlope) {
            super(x -> functional.leakyRelu(x, negativeSlope), "negative_slope=" + repr(negativeSlope));
        }
    }

    /** {@code nn.Hardtanh(min_val=-1.0, max_val=1.0)}: {@code clamp(x, min_val, max_val)}. */
    public static final class Hardtanh extends ActivationImpl {
        /** {@code nn.Hardtanh()}. */
        public Hardtanh() {
            this(-1.0, 1.0);
        }

        /** {@code nn.Hardtanh(min_val, max_val)}. */
        public Hardtanh(Number minVal, Number maxVal) {
            super(x -> functional.hardtanh(x, minVal.doubleValue(), maxVal.doubleValue()),
                    "min_val=" + repr(minVal) + ", max_val=" + repr(maxVal));
        }
    }

    /** {@code nn.ReLU6()}: {@code min(max(x, 0), 6)}. */
    public static final class ReLU6 extends ActivationImpl {
        public ReLU6() {
            super(functional::relu6, "");
        }
    }

    /** {@code nn.SiLU()}: {@code x * sigmoid(x)}. */
    public static final class SiLU extends ActivationImpl {
        public SiLU() {
            super(functional::silu, "");
        }
    }

    /** {@code nn.ELU(alpha=1.0)}: {@code x} where positive, else {@code alpha * (exp(x) - 1)}. */
    public static final class ELU extends ActivationImpl {
        /** {@code nn.ELU()}. */
        public ELU() {
            this(1.0);
        }

        /** {@code nn.ELU(alpha)}. */
        public ELU(Number alpha) {
            super(x -> functional.elu(x, alpha.doubleValue()), "alpha=" + repr(alpha));
        }
    }

    /** {@code nn.Softplus(beta=1, threshold=20)}: {@code log(1 + exp(beta * x)) / beta}, linear past the threshold. */
    public static final class Softplus extends ActivationImpl {
        /** {@code nn.Softplus()}. */
        public Softplus() {
            this(1, 20);
        }

        /** {@code nn.Softplus(beta, threshold)}. */
        public Softplus(Number beta, Number threshold) {
            super(x -> functional.softplus(x, beta.doubleValue(), threshold.doubleValue()),
                    "beta=" + repr(beta) + ", threshold=" + repr(threshold));
        }
    }

    /** {@code nn.Softmax(dim)}. */
    public static final class Softmax extends SoftmaxImpl {
        /** {@code nn.Softmax(dim=dim)}. */
        public Softmax(int dim) {
            super(dim, false);
        }
    }

    /** {@code nn.LogSoftmax(dim)}. */
    public static final class LogSoftmax extends SoftmaxImpl {
        /** {@code nn.LogSoftmax(dim=dim)}. */
        public LogSoftmax(int dim) {
            super(dim, true);
        }
    }

    // ---------------------------------------------------------------- losses

    /** Base of the loss modules: {@code forward(input, target)} with a {@code reduction}. */
    abstract static class Loss extends Module {
        private final String reduction;
        private final LossFunction function;

        /** A loss function of {@code (input, target, reduction)}. */
        @FunctionalInterface
        interface LossFunction {
            Tensor apply(Tensor input, Tensor target, String reduction);
        }

        Loss(String reduction, LossFunction function) {
            NNFunctional.Reduction.of(reduction);
            this.reduction = reduction;
            this.function = function;
        }

        /** The loss of {@code input} against {@code target}. */
        public Tensor forward(Tensor input, Tensor target) {
            return function.apply(input, target, reduction);
        }
    }

    /** {@code nn.MSELoss(reduction='mean')}. */
    public static final class MSELoss extends Loss {
        /** {@code nn.MSELoss()}. */
        public MSELoss() {
            this("mean");
        }

        /** {@code nn.MSELoss(reduction=...)}: {@code "mean"}, {@code "sum"} or {@code "none"}. */
        public MSELoss(String reduction) {
            super(reduction, functional::mseLoss);
        }
    }

    /** {@code nn.CrossEntropyLoss(reduction='mean')}: log-softmax over classes, then negative log-likelihood. */
    public static final class CrossEntropyLoss extends Loss {
        /** {@code nn.CrossEntropyLoss()}. */
        public CrossEntropyLoss() {
            this("mean");
        }

        /** {@code nn.CrossEntropyLoss(reduction=...)}. */
        public CrossEntropyLoss(String reduction) {
            super(reduction, functional::crossEntropy);
        }
    }

    /** {@code nn.NLLLoss(reduction='mean')} on log-probabilities. */
    public static final class NLLLoss extends Loss {
        /** {@code nn.NLLLoss()}. */
        public NLLLoss() {
            this("mean");
        }

        /** {@code nn.NLLLoss(reduction=...)}. */
        public NLLLoss(String reduction) {
            super(reduction, functional::nllLoss);
        }
    }

    /** {@code nn.L1Loss(reduction='mean')}. */
    public static final class L1Loss extends Loss {
        /** {@code nn.L1Loss()}. */
        public L1Loss() {
            this("mean");
        }

        /** {@code nn.L1Loss(reduction=...)}. */
        public L1Loss(String reduction) {
            super(reduction, functional::l1Loss);
        }
    }

    /** {@code nn.BCELoss(reduction='mean')} on probabilities. */
    public static final class BCELoss extends Loss {
        /** {@code nn.BCELoss()}. */
        public BCELoss() {
            this("mean");
        }

        /** {@code nn.BCELoss(reduction=...)}. */
        public BCELoss(String reduction) {
            super(reduction, functional::binaryCrossEntropy);
        }
    }

    /** {@code nn.BCEWithLogitsLoss(reduction='mean')} on raw scores. */
    public static final class BCEWithLogitsLoss extends Loss {
        /** {@code nn.BCEWithLogitsLoss()}. */
        public BCEWithLogitsLoss() {
            this("mean");
        }

        /** {@code nn.BCEWithLogitsLoss(reduction=...)}. */
        public BCEWithLogitsLoss(String reduction) {
            super(reduction, functional::binaryCrossEntropyWithLogits);
        }
    }

    /** {@code nn.SmoothL1Loss(reduction='mean', beta=1.0)}. */
    public static final class SmoothL1Loss extends Loss {
        /** {@code nn.SmoothL1Loss()}. */
        public SmoothL1Loss() {
            super("mean", (input, target, reduction) -> functional.smoothL1Loss(input, target, reduction, 1.0));
        }
    }

    /** {@code nn.HuberLoss(reduction='mean', delta=1.0)}. */
    public static final class HuberLoss extends Loss {
        /** {@code nn.HuberLoss()}. */
        public HuberLoss() {
            super("mean", (input, target, reduction) -> functional.huberLoss(input, target, reduction, 1.0));
        }
    }
}

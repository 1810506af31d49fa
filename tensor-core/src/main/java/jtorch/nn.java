package jtorch;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jtorch.internal.ops.Layers;
import jtorch.internal.ops.Losses;
import jtorch.internal.ops.NNFunctional;

/**
 * The {@code torch.nn} namespace: modules ({@link Module}, {@link Linear}, {@link ReLU},
 * {@link Sequential}, losses) and {@link functional}, built from differentiable tensor ops so that
 * {@code loss.backward()} fills every parameter's {@code grad()}.
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
public final class nn {
    private nn() {}

    /**
     * Base class of layers and models, as {@code torch.nn.Module}: owns named parameters and
     * submodules, a training flag, and prints as PyTorch's module repr.
     *
     * <p>A subclass registers parameters and submodules with {@link #registerParameter} and
     * {@link #registerModule}; fields of a subclass holding a {@code Module}, or a leaf tensor that
     * requires grad, are registered too, by field name in declaration order after the explicit
     * ones (Java cannot observe attribute assignment as Python's {@code __setattr__} does).
     */
    public abstract static class Module {
        private final Map<String, Tensor> parameters = new LinkedHashMap<>();
        private final Map<String, Tensor> buffers = new LinkedHashMap<>();
        private final Map<String, Module> modules = new LinkedHashMap<>();
        private boolean training = true;

        /** {@code forward(input)}; a module that does not override it cannot be called. */
        public Tensor forward(Tensor input) {
            throw new UnsupportedOperationException("Module [" + typeName() + "] is missing the required \"forward\""
                    + " function");
        }

        /** {@code register_parameter(name, tensor)}: a null tensor removes nothing and adds nothing. */
        public void registerParameter(String name, Tensor parameter) {
            checkName(name, "parameter");
            if (parameter != null) {
                if (!parameter.isLeaf()) {
                    throw new IllegalArgumentException("Cannot assign non-leaf Tensor to parameter '" + name
                            + "'. Model parameters must be created explicitly. To express '" + name + "' as a"
                            + " function of another Tensor, compute the value in the forward() method.");
                }
                parameters.put(name, parameter);
            }
        }

        /** {@code register_buffer(name, tensor)}: state saved in the state dict that is not a parameter (running means, ...). */
        public void registerBuffer(String name, Tensor buffer) {
            checkName(name, "buffer");
            if (buffer == null) {
                buffers.remove(name);
            } else {
                buffers.put(name, buffer);
            }
        }

        /** {@code dict(named_buffers())}: the buffers of this module and its submodules, dotted names. */
        public Map<String, Tensor> namedBuffers() {
            Map<String, Tensor> out = new LinkedHashMap<>();
            buffers.forEach(out::put);
            namedChildren().forEach((k, m) -> m.namedBuffers().forEach((n, t) -> out.put(k + "." + n, t)));
            return Collections.unmodifiableMap(out);
        }

        /** {@code list(buffers())}. */
        public List<Tensor> buffers() {
            return new ArrayList<>(namedBuffers().values());
        }

        /**
         * {@code state_dict()}: every parameter and buffer by dotted name (own parameters, own
         * buffers, then each child's), detached, in PyTorch's order; {@code torch.save} stores it
         * as PyTorch's OrderedDict.
         */
        public OrderedDict<String, Tensor> stateDict() {
            OrderedDict<String, Tensor> out = new OrderedDict<>();
            stateTensors().forEach((k, v) -> out.put(k, v.detach()));
            return out;
        }

        /** The tensors a state dict holds, not detached (the targets of {@link #loadStateDict}). */
        private Map<String, Tensor> stateTensors() {
            Map<String, Tensor> out = new LinkedHashMap<>();
            ownParameters().forEach(out::put);
            buffers.forEach(out::put);
            namedChildren().forEach((k, m) -> m.stateTensors().forEach((n, t) -> out.put(k + "." + n, t)));
            return out;
        }

        /** {@code load_state_dict(state_dict)}: copies every entry into this module's tensors; keys must match. */
        public IncompatibleKeys loadStateDict(Map<String, ?> stateDict) {
            return loadStateDict(stateDict, true);
        }

        /**
         * {@code load_state_dict(state_dict, strict)}: copies the entries whose names this module
         * has (shapes must agree); with {@code strict}, missing and unexpected keys are errors
         * too. All errors are reported together, in PyTorch's words; as in PyTorch, the entries
         * that fit are copied even when another one fails.
         */
        @SuppressWarnings("try")
        public IncompatibleKeys loadStateDict(Map<String, ?> stateDict, boolean strict) {
            Map<String, Tensor> own = stateTensors();
            List<String> errors = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            try (GradMode ignored = GradMode.set(false)) {
                for (Map.Entry<String, Tensor> e : own.entrySet()) {
                    if (!stateDict.containsKey(e.getKey())) {
                        missing.add(e.getKey());
                        continue;
                    }
                    Object value = stateDict.get(e.getKey());
                    if (!(value instanceof Tensor source)) {
                        errors.add("While copying the parameter named \"" + e.getKey() + "\", expected torch.Tensor or"
                                + " Tensor-like object from checkpoint but received " + pythonType(value));
                    } else if (!source.shape().equals(e.getValue().shape())) {
                        errors.add("size mismatch for " + e.getKey() + ": copying a param with shape " + source.shape()
                                + " from checkpoint, the shape in current model is " + e.getValue().shape() + ".");
                    } else {
                        e.getValue().copy_(source);
                    }
                }
            }
            List<String> unexpected = stateDict.keySet().stream().filter(k -> !own.containsKey(k)).toList();
            if (strict && !unexpected.isEmpty()) {
                errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
            }
            if (strict && !missing.isEmpty()) {
                errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
            }
            if (!errors.isEmpty()) {
                throw new IllegalStateException("Error(s) in loading state_dict for " + typeName() + ":\n\t"
                        + String.join("\n\t", errors));
            }
            return new IncompatibleKeys(missing, unexpected);
        }

        private static String quoted(List<String> keys) {
            return String.join(", ", keys.stream().map(k -> "\"" + k + "\"").toList());
        }

        private static String pythonType(Object value) {
            String type = value == null ? "NoneType" : value instanceof Boolean ? "bool"
                    : value instanceof Integer || value instanceof Long ? "int" : value instanceof Double ? "float"
                    : value instanceof String ? "str" : value.getClass().getSimpleName();
            return "<class '" + type + "'>";
        }

        /**
         * {@code module.to(device)}: JTorch's tensors all live on the CPU, so this checks the device
         * (PyTorch's error for CUDA or MPS) and returns this module, typed as the caller's variable:
         * {@code NeuralNetwork model = new NeuralNetwork().to(device);}.
         */
        @SuppressWarnings("unchecked")
        public <M extends Module> M to(Device device) {
            device.requireAvailable();
            return (M) this;
        }

        /** {@code module.to("cpu")}. */
        public <M extends Module> M to(String device) {
            return to(Device.of(device));
        }

        /** {@code register_module(name, module)} (also {@code add_module}). */
        public void registerModule(String name, Module module) {
            checkName(name, "module");
            if (module != null) {
                modules.put(name, module);
            }
        }

        private void checkName(String name, String kind) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException(kind + " name can't be empty string \"\"");
            }
            if (name.contains(".")) {
                throw new IllegalArgumentException(kind + " name can't contain \".\"");
            }
        }

        /** The parameters of this module and its submodules, each once, as {@code list(parameters())}. */
        public List<Tensor> parameters() {
            return new ArrayList<>(namedParameters().values());
        }

        /** {@code dict(named_parameters())}: dotted names such as {@code 0.weight}, in registration order. */
        public Map<String, Tensor> namedParameters() {
            Map<String, Tensor> out = new LinkedHashMap<>();
            collectParameters("", out, new IdentityHashMap<>());
            return Collections.unmodifiableMap(out);
        }

        private void collectParameters(String prefix, Map<String, Tensor> out, Map<Tensor, Boolean> seen) {
            for (Map.Entry<String, Tensor> e : ownParameters().entrySet()) {
                if (seen.put(e.getValue(), Boolean.TRUE) == null) {
                    out.put(prefix + e.getKey(), e.getValue());
                }
            }
            for (Map.Entry<String, Module> e : namedChildren().entrySet()) {
                e.getValue().collectParameters(prefix + e.getKey() + ".", out, seen);
            }
        }

        /** The direct submodules, as {@code list(children())}. */
        public List<Module> children() {
            return new ArrayList<>(namedChildren().values());
        }

        /** {@code dict(named_children())}. */
        public Map<String, Module> namedChildren() {
            Map<String, Module> out = new LinkedHashMap<>(modules);
            for (Map.Entry<String, Object> e : fields(Module.class).entrySet()) {
                if (!out.containsValue(e.getValue())) {
                    out.put(e.getKey(), (Module) e.getValue());
                }
            }
            return Collections.unmodifiableMap(out);
        }

        private Map<String, Tensor> ownParameters() {
            Map<String, Tensor> out = new LinkedHashMap<>(parameters);
            for (Map.Entry<String, Object> e : fields(Tensor.class).entrySet()) {
                Tensor t = (Tensor) e.getValue();
                if (t.isLeaf() && t.requiresGrad() && !out.containsValue(t)) {
                    out.put(e.getKey(), t);
                }
            }
            return out;
        }

        /** Non-null values of this object's instance fields declared below {@code Module} with the given type. */
        private Map<String, Object> fields(Class<?> type) {
            List<Class<?>> chain = new ArrayList<>();
            for (Class<?> c = getClass(); c != null && c != Module.class; c = c.getSuperclass()) {
                if (c.getEnclosingClass() != nn.class) {
                    chain.add(0, c);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Class<?> c : chain) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || !type.isAssignableFrom(f.getType())) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        Object value = f.get(this);
                        if (value != null) {
                            out.putIfAbsent(f.getName(), value);
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // a field we may not read (a strongly encapsulated module) is simply not registered
                    }
                }
            }
            return out;
        }

        /**
         * {@code zero_grad()} as PyTorch 1.13 does it by default: every gradient that exists is
         * zeroed in place (and cut from any graph).
         */
        public void zeroGrad() {
            zeroGrad(false);
        }

        /** {@code zero_grad(set_to_none)}: with {@code true}, gradients are reset to null instead. */
        public void zeroGrad(boolean setToNone) {
            optim.zeroGrads(parameters(), setToNone);
        }

        /** Sets training mode here and in every submodule, as {@code train(mode)}; returns this module. */
        public Module train(boolean mode) {
            training = mode;
            for (Module m : children()) {
                m.train(mode);
            }
            return this;
        }

        /** {@code train()}. */
        public Module train() {
            return train(true);
        }

        /** {@code eval()}: {@code train(false)}. */
        public Module eval() {
            return train(false);
        }

        /** The {@code training} attribute. */
        public boolean training() {
            return training;
        }

        /** The part of the repr inside the parentheses, as {@code extra_repr()}; empty by default. */
        public String extraRepr() {
            return "";
        }

        /** The module's class name as the repr shows it. */
        private String typeName() {
            String name = getClass().getSimpleName();
            return name.isEmpty() ? "Module" : name;
        }

        /** PyTorch's module repr: {@code Linear(in_features=2, out_features=3, bias=True)}, children indented. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(typeName()).append('(');
            String extra = extraRepr();
            Map<String, Module> children = namedChildren();
            List<String> lines = new ArrayList<>();
            if (!extra.isEmpty()) {
                Collections.addAll(lines, extra.split("\n", -1));
            }
            for (Map.Entry<String, Module> e : children.entrySet()) {
                lines.add("(" + e.getKey() + "): " + indent(e.getValue().toString()));
            }
            if (lines.size() == 1 && children.isEmpty()) {
                return sb.append(lines.get(0)).append(')').toString();
            }
            if (!lines.isEmpty()) {
                sb.append('\n');
                for (String line : lines) {
                    sb.append("  ").append(line).append('\n');
                }
            }
            return sb.append(')').toString();
        }

        private static String indent(String text) {
            return text.replace("\n", "\n  ");
        }
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

    /**
     * {@code nn.Linear(in_features, out_features, bias=True)}: {@code y = x W^T + b}, initialised
     * as PyTorch does (Kaiming-uniform weight, uniform bias in {@code ±1/sqrt(in_features)}),
     * drawing from the generator {@code torch.manualSeed} seeds.
     */
    public static final class Linear extends Module {
        private final int inFeatures;
        private final int outFeatures;
        private final Tensor weight;
        private final Tensor bias;

        /** {@code nn.Linear(in_features, out_features)}. */
        public Linear(int inFeatures, int outFeatures) {
            this(inFeatures, outFeatures, true);
        }

        /** {@code nn.Linear(in_features, out_features, bias=...)}. */
        public Linear(int inFeatures, int outFeatures, boolean bias) {
            if (inFeatures < 0 || outFeatures < 0) {
                throw new IllegalArgumentException("Trying to create tensor with negative dimension "
                        + Math.min(inFeatures, outFeatures) + ": [" + outFeatures + ", " + inFeatures + "]");
            }
            this.inFeatures = inFeatures;
            this.outFeatures = outFeatures;
            this.weight = torch.empty(outFeatures, inFeatures);
            this.bias = bias ? torch.empty(outFeatures) : null;
            resetParameters();
            weight.requiresGrad_().markParameter();
            registerParameter("weight", weight);
            if (this.bias != null) {
                this.bias.requiresGrad_().markParameter();
                registerParameter("bias", this.bias);
            }
        }

        private void resetParameters() {
            kaimingUniform(weight, bias, inFeatures);
        }

        @Override
        public Tensor forward(Tensor input) {
            return functional.linear(input, weight, bias);
        }

        /** The {@code weight} parameter, {@code (out_features, in_features)}. */
        public Tensor weight() {
            return weight;
        }

        /** The {@code bias} parameter, or null when created with {@code bias=false}. */
        public Tensor bias() {
            return bias;
        }

        /** {@code in_features}. */
        public int inFeatures() {
            return inFeatures;
        }

        /** {@code out_features}. */
        public int outFeatures() {
            return outFeatures;
        }

        @Override
        public String extraRepr() {
            return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias="
                    + (bias != null ? "True" : "False");
        }
    }

    /** {@code nn.ReLU()}: {@code max(x, 0)}. */
    public static final class ReLU extends Module {
        @Override
        public Tensor forward(Tensor input) {
            return input.relu();
        }
    }

    /** {@code nn.Sigmoid()}. */
    public static final class Sigmoid extends Module {
        @Override
        public Tensor forward(Tensor input) {
            return input.sigmoid();
        }
    }

    /** {@code nn.Tanh()}. */
    public static final class Tanh extends Module {
        @Override
        public Tensor forward(Tensor input) {
            return input.tanh();
        }
    }

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

    /** Base of the loss modules: {@code forward(input, target)} with a {@code reduction}. */
    abstract static class Loss extends Module {
        final String reduction;

        Loss(String reduction) {
            NNFunctional.Reduction.of(reduction);
            this.reduction = reduction;
        }

        /** The loss of {@code input} against {@code target}. */
        public abstract Tensor forward(Tensor input, Tensor target);
    }

    /** {@code nn.MSELoss(reduction='mean')}. */
    public static final class MSELoss extends Loss {
        /** {@code nn.MSELoss()}. */
        public MSELoss() {
            this("mean");
        }

        /** {@code nn.MSELoss(reduction=...)}: {@code "mean"}, {@code "sum"} or {@code "none"}. */
        public MSELoss(String reduction) {
            super(reduction);
        }

        @Override
        public Tensor forward(Tensor input, Tensor target) {
            return functional.mseLoss(input, target, reduction);
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
            super(reduction);
        }

        @Override
        public Tensor forward(Tensor input, Tensor target) {
            return functional.crossEntropy(input, target, reduction);
        }
    }

    /**
     * PyTorch's default initialisation of a linear or convolution layer: {@code kaiming_uniform_(weight,
     * a=sqrt(5))}, then the bias uniform in {@code ±1/sqrt(fan_in)}, drawing in that order.
     */
    @SuppressWarnings("try")
    static void kaimingUniform(Tensor weight, Tensor bias, int fanIn) {
        try (GradMode ignored = GradMode.set(false)) {
            double a = Math.sqrt(5);
            double gain = Math.sqrt(2.0 / (1 + Math.pow(a, 2)));
            double std = gain / Math.sqrt(fanIn);
            double bound = Math.sqrt(3.0) * std;
            weight.uniform_(-bound, bound);
            if (bias != null) {
                double b = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
                bias.uniform_(-b, b);
            }
        }
    }

    /** Python's repr of a float hyperparameter ({@code 1e-05}, {@code 0.1}). */
    private static String pyFloat(double v) {
        return jtorch.internal.format.PythonFloatFormat.repr(v);
    }

    /** {@code nn.Identity()}: returns its input. */
    public static final class Identity extends Module {
        @Override
        public Tensor forward(Tensor input) {
            return input;
        }
    }

    /** {@code nn.Flatten(start_dim=1, end_dim=-1)}: one dimension per sample. */
    public static final class Flatten extends Module {
        private final int startDim;
        private final int endDim;

        /** {@code nn.Flatten()}. */
        public Flatten() {
            this(1, -1);
        }

        /** {@code nn.Flatten(start_dim, end_dim)}. */
        public Flatten(int startDim, int endDim) {
            this.startDim = startDim;
            this.endDim = endDim;
        }

        @Override
        public Tensor forward(Tensor input) {
            return input.flatten(startDim, endDim);
        }

        @Override
        public String extraRepr() {
            return "start_dim=" + startDim + ", end_dim=" + endDim;
        }
    }

    /** {@code nn.Softmax(dim)}. */
    public static final class Softmax extends Module {
        private final int dim;

        /** {@code nn.Softmax(dim=dim)}. */
        public Softmax(int dim) {
            this.dim = dim;
        }

        @Override
        public Tensor forward(Tensor input) {
            return input.softmax(dim);
        }

        @Override
        public String extraRepr() {
            return "dim=" + dim;
        }
    }

    /** {@code nn.LogSoftmax(dim)}. */
    public static final class LogSoftmax extends Module {
        private final int dim;

        /** {@code nn.LogSoftmax(dim=dim)}. */
        public LogSoftmax(int dim) {
            this.dim = dim;
        }

        @Override
        public Tensor forward(Tensor input) {
            return input.logSoftmax(dim);
        }

        @Override
        public String extraRepr() {
            return "dim=" + dim;
        }
    }

    /** {@code nn.LeakyReLU(negative_slope=0.01)}. */
    public static final class LeakyReLU extends Module {
        private final double negativeSlope;

        /** {@code nn.LeakyReLU()}. */
        public LeakyReLU() {
            this(0.01);
        }

        /** {@code nn.LeakyReLU(negative_slope)}. */
        public LeakyReLU(double negativeSlope) {
            this.negativeSlope = negativeSlope;
        }

        @Override
        public Tensor forward(Tensor input) {
            return functional.leakyRelu(input, negativeSlope);
        }

        @Override
        public String extraRepr() {
            return "negative_slope=" + pyFloat(negativeSlope);
        }
    }

    /** {@code nn.GELU()}: {@code x * Phi(x)} with the exact normal CDF. */
    public static final class GELU extends Module {
        @Override
        public Tensor forward(Tensor input) {
            return functional.gelu(input);
        }

        @Override
        public String extraRepr() {
            return "approximate='none'";
        }
    }

    /** {@code nn.Dropout(p=0.5)}: zeroes elements with probability p in training mode, scales the rest by 1/(1-p). */
    public static final class Dropout extends Module {
        private final double p;

        /** {@code nn.Dropout()}. */
        public Dropout() {
            this(0.5);
        }

        /** {@code nn.Dropout(p)}. */
        public Dropout(double p) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + pyFloat(p));
            }
            this.p = p;
        }

        @Override
        public Tensor forward(Tensor input) {
            return functional.dropout(input, p, training());
        }

        @Override
        public String extraRepr() {
            return "p=" + pyFloat(p) + ", inplace=False";
        }
    }

    /** {@code nn.Embedding(num_embeddings, embedding_dim)}: a lookup table initialised from N(0, 1). */
    public static final class Embedding extends Module {
        private final Tensor weight;

        /** {@code nn.Embedding(num_embeddings, embedding_dim)}. */
        @SuppressWarnings("try")
        public Embedding(int numEmbeddings, int embeddingDim) {
            weight = torch.empty(numEmbeddings, embeddingDim);
            try (GradMode ignored = GradMode.set(false)) {
                weight.normal_();
            }
            weight.requiresGrad_().markParameter();
            registerParameter("weight", weight);
        }

        @Override
        public Tensor forward(Tensor input) {
            return functional.embedding(input, weight);
        }

        /** The {@code weight} parameter, {@code (num_embeddings, embedding_dim)}. */
        public Tensor weight() {
            return weight;
        }

        @Override
        public String extraRepr() {
            return weight.size(0) + ", " + weight.size(1);
        }
    }

    /** {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0)}, initialised as PyTorch's. */
    public static final class Conv2d extends Module {
        private final int stride;
        private final int padding;
        private final Tensor weight;
        private final Tensor bias;

        /** {@code nn.Conv2d(in_channels, out_channels, kernel_size)}. */
        public Conv2d(int inChannels, int outChannels, int kernelSize) {
            this(inChannels, outChannels, kernelSize, 1, 0);
        }

        /** {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding)}. */
        public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
            this.stride = stride;
            this.padding = padding;
            weight = torch.empty(new int[] {outChannels, inChannels, kernelSize, kernelSize});
            bias = torch.empty(outChannels);
            kaimingUniform(weight, bias, inChannels * kernelSize * kernelSize);
            weight.requiresGrad_().markParameter();
            bias.requiresGrad_().markParameter();
            registerParameter("weight", weight);
            registerParameter("bias", bias);
        }

        @Override
        public Tensor forward(Tensor input) {
            return functional.conv2d(input, weight, bias, stride, padding);
        }

        /** The {@code weight} parameter, {@code (out, in, k, k)}. */
        public Tensor weight() {
            return weight;
        }

        /** The {@code bias} parameter. */
        public Tensor bias() {
            return bias;
        }

        @Override
        public String extraRepr() {
            int k = weight.size(2);
            return weight.size(1) + ", " + weight.size(0) + ", kernel_size=(" + k + ", " + k + "), stride=(" + stride
                    + ", " + stride + ")" + (padding == 0 ? "" : ", padding=(" + padding + ", " + padding + ")");
        }
    }

    /** {@code nn.MaxPool2d(kernel_size, stride=kernel_size, padding=0)}. */
    public static final class MaxPool2d extends Module {
        private final int kernelSize;
        private final int stride;
        private final int padding;

        /** {@code nn.MaxPool2d(kernel_size)}. */
        public MaxPool2d(int kernelSize) {
            this(kernelSize, kernelSize, 0);
        }

        /** {@code nn.MaxPool2d(kernel_size, stride, padding)}. */
        public MaxPool2d(int kernelSize, int stride, int padding) {
            this.kernelSize = kernelSize;
            this.stride = stride;
            this.padding = padding;
        }

        @Override
        public Tensor forward(Tensor input) {
            return functional.maxPool2d(input, kernelSize, stride, padding);
        }

        @Override
        public String extraRepr() {
            return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding
                    + ", dilation=1, ceil_mode=False";
        }
    }

    /**
     * {@code nn.BatchNorm1d}/{@code nn.BatchNorm2d}: normalizes each channel (dimension 1) with
     * batch statistics in training mode, running statistics in evaluation mode; learnable scale
     * and shift; buffers {@code running_mean}, {@code running_var}, {@code num_batches_tracked}.
     */
    public abstract static class BatchNorm extends Module {
        private final double eps;
        private final double momentum;
        private final int dims;
        private final Tensor weight;
        private final Tensor bias;
        private final Tensor runningMean;
        private final Tensor runningVar;
        private final Tensor numBatchesTracked;

        BatchNorm(int numFeatures, double eps, double momentum, int dims) {
            this.eps = eps;
            this.momentum = momentum;
            this.dims = dims;
            weight = nn.Parameter(torch.ones(numFeatures));
            bias = nn.Parameter(torch.zeros(numFeatures));
            runningMean = torch.zeros(numFeatures);
            runningVar = torch.ones(numFeatures);
            numBatchesTracked = torch.zeros(new int[0], torch.int64);
            registerParameter("weight", weight);
            registerParameter("bias", bias);
            registerBuffer("running_mean", runningMean);
            registerBuffer("running_var", runningVar);
            registerBuffer("num_batches_tracked", numBatchesTracked);
        }

        @Override
        @SuppressWarnings("try")
        public Tensor forward(Tensor input) {
            if (input.dim() != dims && !(dims == 2 && input.dim() == 3)) {
                throw new IllegalArgumentException("expected " + (dims == 4 ? "4D" : "2D or 3D") + " input (got "
                        + input.dim() + "D input)");
            }
            if (training()) {
                try (GradMode ignored = GradMode.set(false)) {
                    numBatchesTracked.add_(1);
                }
            }
            return functional.batchNorm(input, runningMean, runningVar, weight, bias, training(), momentum, eps);
        }

        /** The {@code weight} (scale) parameter. */
        public Tensor weight() {
            return weight;
        }

        /** The {@code bias} (shift) parameter. */
        public Tensor bias() {
            return bias;
        }

        /** The {@code running_mean} buffer. */
        public Tensor runningMean() {
            return runningMean;
        }

        /** The {@code running_var} buffer. */
        public Tensor runningVar() {
            return runningVar;
        }

        @Override
        public String extraRepr() {
            return weight.size(0) + ", eps=" + pyFloat(eps) + ", momentum=" + pyFloat(momentum)
                    + ", affine=True, track_running_stats=True";
        }
    }

    /** {@code nn.BatchNorm1d(num_features)} over {@code (N, C)} or {@code (N, C, L)}. */
    public static final class BatchNorm1d extends BatchNorm {
        /** {@code nn.BatchNorm1d(num_features)}. */
        public BatchNorm1d(int numFeatures) {
            super(numFeatures, 1e-5, 0.1, 2);
        }
    }

    /** {@code nn.BatchNorm2d(num_features)} over {@code (N, C, H, W)}. */
    public static final class BatchNorm2d extends BatchNorm {
        /** {@code nn.BatchNorm2d(num_features)}. */
        public BatchNorm2d(int numFeatures) {
            super(numFeatures, 1e-5, 0.1, 4);
        }
    }

    /** {@code nn.LayerNorm(normalized_shape)}: normalizes over the last dimensions, learnable scale and shift. */
    public static final class LayerNorm extends Module {
        private final int[] normalizedShape;
        private final double eps;
        private final Tensor weight;
        private final Tensor bias;

        /** {@code nn.LayerNorm(normalized_shape)}: one or more trailing sizes. */
        public LayerNorm(int... normalizedShape) {
            this.normalizedShape = normalizedShape.clone();
            this.eps = 1e-5;
            weight = nn.Parameter(torch.ones(normalizedShape));
            bias = nn.Parameter(torch.zeros(normalizedShape));
            registerParameter("weight", weight);
            registerParameter("bias", bias);
        }

        @Override
        public Tensor forward(Tensor input) {
            return functional.layerNorm(input, normalizedShape, weight, bias, eps);
        }

        @Override
        public String extraRepr() {
            return torch.Size(normalizedShape).toString().replace("torch.Size([", "(")
                    .replace("])", normalizedShape.length == 1 ? ",)" : ")") + ", eps=" + pyFloat(eps)
                    + ", elementwise_affine=True";
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
            super(reduction);
        }

        @Override
        public Tensor forward(Tensor input, Tensor target) {
            return functional.l1Loss(input, target, reduction);
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
            super(reduction);
        }

        @Override
        public Tensor forward(Tensor input, Tensor target) {
            return functional.nllLoss(input, target, reduction);
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
            super(reduction);
        }

        @Override
        public Tensor forward(Tensor input, Tensor target) {
            return functional.binaryCrossEntropy(input, target, reduction);
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
            super(reduction);
        }

        @Override
        public Tensor forward(Tensor input, Tensor target) {
            return functional.binaryCrossEntropyWithLogits(input, target, reduction);
        }
    }

    /** {@code nn.SmoothL1Loss(reduction='mean', beta=1.0)}. */
    public static final class SmoothL1Loss extends Loss {
        /** {@code nn.SmoothL1Loss()}. */
        public SmoothL1Loss() {
            super("mean");
        }

        @Override
        public Tensor forward(Tensor input, Tensor target) {
            return functional.smoothL1Loss(input, target, reduction, 1.0);
        }
    }

    /** {@code nn.HuberLoss(reduction='mean', delta=1.0)}. */
    public static final class HuberLoss extends Loss {
        /** {@code nn.HuberLoss()}. */
        public HuberLoss() {
            super("mean");
        }

        @Override
        public Tensor forward(Tensor input, Tensor target) {
            return functional.huberLoss(input, target, reduction, 1.0);
        }
    }

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
            return Tensor.of(Layers.leakyRelu(input.impl, negativeSlope));
        }

        /** {@code F.gelu(input)} (the exact, erf form). */
        public static Tensor gelu(Tensor input) {
            return Tensor.of(Layers.gelu(input.impl));
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
            return Tensor.of(Layers.dropout(input.impl, p, training));
        }

        /** {@code F.embedding(input, weight)}. */
        public static Tensor embedding(Tensor input, Tensor weight) {
            return Tensor.of(Layers.embedding(input.impl, weight.impl));
        }

        /** {@code F.conv2d(input, weight, bias)} with stride 1, no padding. */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
            return conv2d(input, weight, bias, 1, 0);
        }

        /** {@code F.conv2d(input, weight, bias, stride, padding)} (the same on both axes). */
        public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding) {
            return Tensor.of(Layers.conv2d(input.impl, weight.impl, bias == null ? null : bias.impl,
                    new int[] {stride, stride}, new int[] {padding, padding}, new int[] {1, 1}));
        }

        /** {@code F.max_pool2d(input, kernel_size)}: stride = kernel, no padding. */
        public static Tensor maxPool2d(Tensor input, int kernelSize) {
            return maxPool2d(input, kernelSize, kernelSize, 0);
        }

        /** {@code F.max_pool2d(input, kernel_size, stride, padding)}. */
        public static Tensor maxPool2d(Tensor input, int kernelSize, int stride, int padding) {
            return Tensor.of(Layers.maxPool2d(input.impl, new int[] {kernelSize, kernelSize},
                    new int[] {stride, stride}, new int[] {padding, padding}, new int[] {1, 1}));
        }

        /** {@code F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)}. */
        public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                boolean training, double momentum, double eps) {
            return Tensor.of(Layers.batchNorm(input.impl, runningMean == null ? null : runningMean.impl,
                    runningVar == null ? null : runningVar.impl, weight == null ? null : weight.impl,
                    bias == null ? null : bias.impl, training, momentum, eps));
        }

        /** {@code F.layer_norm(input, normalized_shape)}: no scale or shift, eps 1e-5. */
        public static Tensor layerNorm(Tensor input, int[] normalizedShape) {
            return layerNorm(input, normalizedShape, null, null, 1e-5);
        }

        /** {@code F.layer_norm(input, normalized_shape, weight, bias, eps)}. */
        public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
            return Tensor.of(Layers.layerNorm(input.impl, normalizedShape.length, weight == null ? null : weight.impl,
                    bias == null ? null : bias.impl, eps));
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
    }
}

package jtorch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The behaviour of {@link nn.Module} (its only subclass): named parameters, buffers and
 * submodules, the state dict, training mode and PyTorch's module repr.
 *
 * <p>Invariants: parameters, buffers and submodules keep their registration order (the order of
 * {@code named_parameters()}, {@code state_dict()} and the repr); a parameter reachable twice is
 * listed once, under its first name.
 */
abstract sealed class ModuleImpl permits nn.Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, nn.Module> modules = new LinkedHashMap<>();
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

    /** {@code register_module(name, module)} (also {@code add_module}). */
    public void registerModule(String name, nn.Module module) {
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

    /** {@code dict(named_buffers())}: the buffers of this module and its submodules, dotted names. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>(buffers);
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
    Map<String, Tensor> stateTensors() {
        Map<String, Tensor> out = new LinkedHashMap<>(ownParameters());
        out.putAll(buffers);
        namedChildren().forEach((k, m) -> m.stateTensors().forEach((n, t) -> out.put(k + "." + n, t)));
        return out;
    }

    /** {@code load_state_dict(state_dict)}: copies every entry into this module's tensors; keys must match. */
    public nn.IncompatibleKeys loadStateDict(Map<String, ?> stateDict) {
        return loadStateDict(stateDict, true);
    }

    /**
     * {@code load_state_dict(state_dict, strict)}: copies the entries whose names this module
     * has (shapes must agree); with {@code strict}, missing and unexpected keys are errors
     * too. All errors are reported together, in PyTorch's words; as in PyTorch, the entries
     * that fit are copied even when another one fails.
     */
    public nn.IncompatibleKeys loadStateDict(Map<String, ?> stateDict, boolean strict) {
        return StateDicts.load(typeName(), stateTensors(), stateDict, strict);
    }

    /**
     * {@code module.to(device)}: JTorch's tensors all live on the CPU, so this checks the device
     * (PyTorch's error for CUDA or MPS) and returns this module, typed as the caller's variable:
     * {@code NeuralNetwork model = new NeuralNetwork().to(device);}.
     */
    @SuppressWarnings("unchecked")
    public <M extends nn.Module> M to(Device device) {
        device.requireAvailable();
        return (M) this;
    }

    /** {@code module.to("cpu")}. */
    public <M extends nn.Module> M to(String device) {
        return to(Device.of(device));
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

    void collectParameters(String prefix, Map<String, Tensor> out, Map<Tensor, Boolean> seen) {
        for (Map.Entry<String, Tensor> e : ownParameters().entrySet()) {
            if (seen.put(e.getValue(), Boolean.TRUE) == null) {
                out.put(prefix + e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, nn.Module> e : namedChildren().entrySet()) {
            e.getValue().collectParameters(prefix + e.getKey() + ".", out, seen);
        }
    }

    /** The direct submodules, as {@code list(children())}. */
    public List<nn.Module> children() {
        return new ArrayList<>(namedChildren().values());
    }

    /** {@code dict(named_children())}. */
    public Map<String, nn.Module> namedChildren() {
        Map<String, nn.Module> out = new LinkedHashMap<>(modules);
        ModuleFields.of(this, nn.Module.class).forEach((name, m) -> {
            if (!out.containsValue(m)) {
                out.put(name, (nn.Module) m);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private Map<String, Tensor> ownParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>(parameters);
        ModuleFields.of(this, Tensor.class).forEach((name, value) -> {
            Tensor t = (Tensor) value;
            if (t.isLeaf() && t.requiresGrad() && !out.containsValue(t)) {
                out.put(name, t);
            }
        });
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
    public nn.Module train(boolean mode) {
        training = mode;
        for (nn.Module m : children()) {
            m.train(mode);
        }
        return (nn.Module) this;
    }

    /** {@code train()}. */
    public nn.Module train() {
        return train(true);
    }

    /** {@code eval()}: {@code train(false)}. */
    public nn.Module eval() {
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
        Map<String, nn.Module> children = namedChildren();
        List<String> lines = new ArrayList<>();
        if (!extra.isEmpty()) {
            Collections.addAll(lines, extra.split("\n", -1));
        }
        for (Map.Entry<String, nn.Module> e : children.entrySet()) {
            lines.add("(" + e.getKey() + "): " + e.getValue().toString().replace("\n", "\n  "));
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
}

package jtorch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jtorch.internal.format.PythonFloatFormat;

/**
 * The behaviour of {@link optim.Optimizer} (its only subclass), as {@code torch.optim.Optimizer}:
 * parameter groups (each a {@link optim.ParamGroup}: its tensors under {@code "params"} and its
 * options, missing ones taken from the optimizer's defaults), per-parameter state, and
 * {@code zero_grad}, {@code add_param_group} and the repr.
 *
 * <p>Invariants: every parameter is a leaf and belongs to exactly one group; every group has a
 * value for every default option; the state map is keyed by tensor identity.
 */
abstract sealed class OptimizerImpl permits optim.Optimizer {
    private final Map<String, Object> defaults;
    private final List<optim.ParamGroup> groups = new ArrayList<>();
    private final Map<Tensor, Map<String, Object>> state = new IdentityHashMap<>();

    /**
     * {@code params}: tensors, or groups (maps with a {@code "params"} entry holding tensors and
     * optional options of their own); {@code defaults}: every option the optimizer has.
     */
    OptimizerImpl(Iterable<?> params, Map<String, ?> defaults) {
        if (params == null) {
            throw new IllegalArgumentException("params argument given to the optimizer should be an iterable of"
                    + " Tensors or dicts, but got None");
        }
        this.defaults = new LinkedHashMap<>(defaults);
        List<Object> items = new ArrayList<>();
        params.forEach(items::add);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        if (items.get(0) instanceof Map<?, ?>) {
            for (Object group : items) {
                if (!(group instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("param groups must be dicts, got " + group);
                }
                addParamGroup(map);
            }
        } else {
            addParamGroup(Map.of("params", items));
        }
    }

    /** {@code add_param_group(group)}: a group's tensors (under "params") and options; defaults fill the rest. */
    public void addParamGroup(Map<?, ?> group) {
        Object params = group.get("params");
        List<Tensor> tensors = new ArrayList<>();
        if (params instanceof Tensor t) {
            tensors.add(t);
        } else if (params instanceof Iterable<?> iterable) {
            for (Object o : iterable) {
                if (!(o instanceof Tensor t)) {
                    throw new IllegalArgumentException("optimizer can only optimize Tensors, but one of the params is "
                            + (o == null ? "None" : o.getClass().getSimpleName()));
                }
                tensors.add(t);
            }
        } else {
            throw new IllegalArgumentException("a param group needs its tensors under \"params\"");
        }
        for (Tensor t : tensors) {
            if (!t.isLeaf()) {
                throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
            }
            for (optim.ParamGroup other : groups) {
                if (other.params().stream().anyMatch(p -> p == t)) {
                    throw new IllegalArgumentException("some parameters appear in more than one parameter group");
                }
            }
        }
        optim.ParamGroup g = new optim.ParamGroup(distinct(tensors));
        for (Map.Entry<?, ?> e : group.entrySet()) {
            if (!"params".equals(e.getKey())) {
                g.put(String.valueOf(e.getKey()), e.getValue());
            }
        }
        defaults.forEach(g::putIfAbsent);
        groups.add(g);
    }

    private static List<Tensor> distinct(List<Tensor> tensors) {
        List<Tensor> out = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (Tensor t : tensors) {
            if (seen.put(t, Boolean.TRUE) == null) {
                out.add(t);
            }
        }
        return out;
    }

    /** {@code param_groups}: the groups, whose options may be changed between steps ({@code group.put("lr", 0.01)}). */
    public List<optim.ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** Every optimized tensor, group by group. */
    public List<Tensor> params() {
        List<Tensor> out = new ArrayList<>();
        groups.forEach(g -> out.addAll(g.params()));
        return Collections.unmodifiableList(out);
    }

    /** {@code defaults}: the options a group without its own value uses. */
    public Map<String, Object> defaults() {
        return Collections.unmodifiableMap(defaults);
    }

    /** {@code state[p]}: the state the optimizer keeps for parameter {@code p} (created empty on first use). */
    public Map<String, Object> state(Tensor p) {
        return state.computeIfAbsent(p, k -> new LinkedHashMap<>());
    }

    /** Records an option for every group and the repr, as PyTorch's {@code defaults} (a user's optimizer's hyperparameters). */
    protected final void hyper(String name, Object value) {
        defaults.put(name, value);
        groups.forEach(g -> g.putIfAbsent(name, value));
    }

    /** {@code zero_grad()} as in PyTorch 1.13: gradients are zeroed in place. */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /** {@code zero_grad(set_to_none)}. */
    public void zeroGrad(boolean setToNone) {
        optim.zeroGrads(params(), setToNone);
    }

    /**
     * One update of every parameter that has a gradient, as {@code step()}. A user's optimizer
     * overrides it (under {@code torch.noGrad()}, reading {@link #paramGroups()} and each
     * parameter's {@code grad()}).
     */
    public abstract void step();

    /** PyTorch's optimizer repr: the class name, then each group's options sorted by name. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(" (");
        for (int i = 0; i < groups.size(); i++) {
            sb.append(i == 0 ? "\n" : "\n\n").append("Parameter Group ").append(i);
            Map<String, Object> sorted = new TreeMap<>(groups.get(i));
            sorted.remove("params");
            sorted.forEach((k, v) -> sb.append("\n    ").append(k).append(": ").append(pythonRepr(v)));
        }
        return sb.append("\n)").toString();
    }

    /** Python's repr of an option value: ints, floats ({@code 1e-08}, {@code 0.001}), booleans, None, tuples. */
    static String pythonRepr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return PythonFloatFormat.repr(((Number) value).doubleValue());
        }
        if (value instanceof double[] pair) {
            return "(" + pythonRepr(pair[0]) + ", " + pythonRepr(pair[1]) + ")";
        }
        return value.toString();
    }
}

package jtorch.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.TensorList;
import jtorch.MinMax;
import jtorch.ValuesIndices;
import jtorch.nn;
import jtorch.torch;

/**
 * Runs one differential-fuzz case (format: src/test/python/fuzz_gen.py) through JTorch's public
 * API and describes the outcome as the PyTorch runner does (src/test/python/fuzz_torch.py): the
 * inputs are built with {@code torch.tensor(data, dtype).reshape(shape)} and the case's view
 * steps, the call is the method javac would pick ({@link Overloads}) on {@link Tensor} (method
 * form), {@link torch} (function form) or {@link nn.functional} (functional form) after {@code torch.manualSeed(0)} (as in Python, so random
 * ops draw the same numbers), then backward runs with the same gradient as in Python.
 *
 * <p>Leaves the library's global state as it found it: grad mode is restored after each case.
 */
final class JavaRunner {

    /** The outcome of the case, with "grads"/"grad_error" and "after" as in the Python runner. */
    ObjectNode run(JsonNode c) {
        List<Tensor> leaves = new ArrayList<>();
        List<Tensor> operands = new ArrayList<>();
        try {
            for (JsonNode spec : c.get("inputs")) {
                Tensor leaf = leaf(spec);
                leaves.add(leaf);
                operands.add(view(leaf, spec.get("view")));
            }
        } catch (RuntimeException e) {
            return Outcomes.error(e);
        }
        JsonNode args = c.get("args");
        Class<?>[] types = new Class<?>[args.size()];
        Object[] values = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            resolve(args.get(i), operands, types, values, i);
        }
        String form = c.get("form").asText();
        boolean method = form.equals("method");
        String name = c.get("java").asText();
        Overloads.Call call = method
                ? Overloads.resolve(Tensor.class, name, false, Arrays.copyOfRange(types, 1, types.length),
                        Arrays.copyOfRange(values, 1, values.length))
                : Overloads.resolve(form.equals("functional") ? nn.functional.class : torch.class, name, true, types,
                        values);
        if (call == null || (method && !(values[0] instanceof Tensor))) {
            return Outcomes.noOverload(signature(form, name, types));
        }
        boolean gradMode = c.get("grad_mode").asBoolean();
        Object value;
        torch.manualSeed(0);
        torch.setGradEnabled(gradMode);
        try {
            value = call.method().invoke(method ? values[0] : null, call.arguments());
        } catch (InvocationTargetException e) {
            return Outcomes.error(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("public method not accessible: " + call.method(), e);
        } finally {
            torch.setGradEnabled(true);
        }
        ObjectNode out = Outcomes.describe(value);
        if (c.get("op").asText().endsWith("_")) {
            ArrayNode after = out.putArray("after");
            operands.forEach(t -> after.add(Outcomes.data(t)));
        }
        Tensor root = root(value);
        if (gradMode && root != null && root.requiresGrad()) {
            backward(root, leaves, out);
        }
        return out;
    }

    private static Tensor leaf(JsonNode spec) {
        List<Object> data = new ArrayList<>();
        for (JsonNode v : spec.get("data")) {
            data.add(v.isBoolean() ? (Object) v.asBoolean() : v.isIntegralNumber() ? (Object) v.asLong() : v.asDouble());
        }
        int[] shape = ints(spec.get("shape"));
        Tensor leaf = torch.tensor(data, dtype(spec.get("dtype").asText())).reshape(shape);
        return spec.get("requires_grad").asBoolean() ? leaf.requiresGrad_() : leaf;
    }

    private static Tensor view(Tensor x, JsonNode steps) {
        for (JsonNode step : steps) {
            x = switch (step.get(0).asText()) {
                case "transpose" -> x.transpose(step.get(1).asInt(), step.get(2).asInt());
                case "step" -> x.index(":, ".repeat(step.get(1).asInt()) + "::2");
                case "expand" -> x.expand(ints(step.get(1)));
                case "narrow" -> x.narrow(step.get(1).asInt(), step.get(2).asInt(), step.get(3).asInt());
                case "clone" -> x.clone();
                default -> throw new IllegalArgumentException("unknown view step " + step);
            };
        }
        return x;
    }

    /** The argument's Java literal: its static type and value (int literals beyond int are long). */
    private static void resolve(JsonNode arg, List<Tensor> operands, Class<?>[] types, Object[] values, int i) {
        if (arg.has("t")) {
            types[i] = Tensor.class;
            values[i] = operands.get(arg.get("t").asInt());
        } else if (arg.has("tl")) {
            List<Tensor> list = new ArrayList<>();
            arg.get("tl").forEach(n -> list.add(operands.get(n.asInt())));
            types[i] = List.class;
            values[i] = list;
        } else if (arg.has("int")) {
            long v = arg.get("int").asLong();
            boolean small = v == (int) v;
            types[i] = small ? int.class : long.class;
            values[i] = small ? (Object) (int) v : (Object) v;
        } else if (arg.has("float")) {
            types[i] = double.class;
            values[i] = arg.get("float").asDouble();
        } else if (arg.has("bool")) {
            types[i] = boolean.class;
            values[i] = arg.get("bool").asBoolean();
        } else if (arg.has("dtype")) {
            types[i] = DType.class;
            values[i] = dtype(arg.get("dtype").asText());
        } else if (arg.has("ints")) {
            types[i] = int[].class;
            values[i] = ints(arg.get("ints"));
        } else if (arg.has("str")) {
            types[i] = String.class;
            values[i] = arg.get("str").asText();
        } else {
            throw new IllegalArgumentException("unknown argument " + arg);
        }
    }

    private static Tensor root(Object value) {
        if (value instanceof Tensor t) {
            return t;
        }
        if (value instanceof ValuesIndices vi) {
            return vi.values();
        }
        if (value instanceof MinMax mm) {
            return mm.min();
        }
        return value instanceof TensorList list && !list.isEmpty() ? list.get(0) : null;
    }

    private static void backward(Tensor root, List<Tensor> leaves, ObjectNode out) {
        try {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < root.numel(); i++) {
                values.add(((7 * i + 3) % 11 - 5) / 4.0);
            }
            int[] shape = new int[root.dim()];
            Arrays.setAll(shape, root::size);
            root.backward(torch.tensor(values, root.dtype()).reshape(shape));
            ArrayNode grads = out.putArray("grads");
            for (Tensor leaf : leaves) {
                grads.add(leaf.grad() == null ? Outcomes.JSON.nullNode() : Outcomes.tensor(leaf.grad()));
            }
        } catch (RuntimeException e) {
            out.set("grad_error", Outcomes.error(e));
        }
    }

    static DType dtype(String name) {
        return DType.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static String signature(String form, String name, Class<?>[] types) {
        boolean method = form.equals("method");
        String owner = method ? "Tensor." : form.equals("functional") ? "nn.functional." : "torch.";
        StringBuilder s = new StringBuilder(owner).append(name).append('(');
        for (int i = method ? 1 : 0; i < types.length; i++) {
            s.append(types[i].getSimpleName()).append(i + 1 < types.length ? ", " : "");
        }
        return s.append(')').toString();
    }
}

package jtorch.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;
import jtorch.Tensor;
import jtorch.TensorList;
import jtorch.MinMax;
import jtorch.ValuesIndices;
import jtorch.golden.PyRepr;

/**
 * Describes what a JTorch call gave in the JSON form the PyTorch runner writes
 * (src/test/python/fuzz_torch.py): {@code tensor}, {@code tuple}, {@code value}, {@code error},
 * and {@code no-overload} when javac would reject the call. Describing never throws: a
 * {@code toString()} or {@code tolist()} that fails is recorded in the description (and then
 * differs from PyTorch's).
 */
final class Outcomes {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Outcomes() {
    }

    static ObjectNode describe(Object value) {
        if (value instanceof Tensor t) {
            return tensor(t);
        }
        if (value instanceof ValuesIndices vi) {
            return tuple(List.of(vi.values(), vi.indices()), vi);
        }
        if (value instanceof MinMax mm) {
            return tuple(List.of(mm.min(), mm.max()), mm);
        }
        if (value instanceof TensorList list) {
            return tuple(list, list);
        }
        ObjectNode out = JSON.objectNode().put("kind", "value");
        out.put("repr", safely(() -> PyRepr.of(value)));
        return out;
    }

    static ObjectNode tensor(Tensor t) {
        ObjectNode out = JSON.objectNode().put("kind", "tensor");
        out.put("dtype", t.dtype().toString());
        ArrayNode shape = out.putArray("shape");
        for (int d = 0; d < t.dim(); d++) {
            shape.add(t.size(d));
        }
        out.set("data", data(t));
        out.put("repr", safely(t::toString));
        out.put("requires_grad", t.requiresGrad());
        out.put("grad_fn", t.gradFn() == null ? null : t.gradFn().name());
        return out;
    }

    /** The values in row-major order, or a text node saying why they could not be read. */
    static JsonNode data(Tensor t) {
        try {
            Object list = t.detach().reshape(-1).tolist();
            ArrayNode out = JSON.arrayNode();
            for (Object v : (List<?>) list) {
                if (v instanceof Boolean b) {
                    out.add(b);
                } else if (v instanceof Double d) {
                    out.add(d);
                } else {
                    out.add(((Number) v).longValue());
                }
            }
            return out;
        } catch (RuntimeException | StackOverflowError e) {
            return JSON.textNode("reading the values threw " + e);
        }
    }

    private static ObjectNode tuple(List<Tensor> items, Object whole) {
        ObjectNode out = JSON.objectNode().put("kind", "tuple");
        ArrayNode array = out.putArray("items");
        items.forEach(t -> array.add(tensor(t)));
        out.put("repr", safely(whole::toString));
        return out;
    }

    static ObjectNode error(Throwable e) {
        return JSON.objectNode().put("kind", "error").put("type", e.getClass().getName()).put("message", e.getMessage());
    }

    static ObjectNode noOverload(String call) {
        return JSON.objectNode().put("kind", "no-overload").put("message", call);
    }

    private static String safely(Supplier<String> text) {
        try {
            return text.get();
        } catch (RuntimeException | StackOverflowError e) {
            return "<printing threw " + e + ">";
        }
    }
}

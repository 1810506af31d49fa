package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jtorch.DType;
import jtorch.MinMax;
import jtorch.Size;
import jtorch.Tensor;
import jtorch.TensorList;
import jtorch.ValuesIndices;
import jtorch.torch;

/**
 * Recorded values as tensors, and Java results checked against PyTorch's: the dtype and shape
 * exactly, the values within the tolerance of the dtype, and the repr when every value matches to
 * the bit (then the printed text must be PyTorch's too).
 */
final class CaseValues {
    private CaseValues() {
    }

    /** A recorded input {dtype, shape, values} as a new contiguous tensor. */
    @SuppressWarnings("unchecked")
    static Tensor tensor(Map<String, Object> input) {
        DType dtype = dtype((String) input.get("dtype"));
        List<Object> values = (List<Object>) input.get("values");
        int[] shape = ((List<Number>) input.get("shape")).stream().mapToInt(Number::intValue).toArray();
        Tensor flat;
        if (dtype == DType.BOOL) {
            boolean[] b = new boolean[values.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (Boolean) values.get(i);
            }
            flat = torch.tensor(b, dtype);
        } else if (dtype.isFloatingPoint()) {
            flat = torch.tensor(values.stream().mapToDouble(CaseValues::number).toArray(), dtype);
        } else {
            flat = torch.tensor(values.stream().mapToLong(v -> ((Number) v).longValue()).toArray(), dtype);
        }
        return flat.reshape(shape);
    }

    /** The same values in a strided, non-contiguous view (every other element of a larger storage). */
    static Tensor nonContiguous(Tensor t) {
        return torch.stack(List.of(t, t), t.dim()).select(t.dim(), 0);
    }

    static DType dtype(String name) {
        return DType.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** PyTorch's tolerance for a dtype, given the row's float32 one. */
    static double tolerance(DType dtype, double float32Tol) {
        return switch (dtype) {
            case FLOAT64 -> Math.max(1e-12, float32Tol * 1e-6);
            case FLOAT32 -> float32Tol;
            case FLOAT16, BFLOAT16 -> Math.max(1e-2, float32Tol);
            default -> 0;
        };
    }

    /** Checks a Java result against a recorded {@code out}. */
    @SuppressWarnings("unchecked")
    static void check(String what, Map<String, Object> expected, Object actual, double float32Tol) {
        if (expected.containsKey("tensor")) {
            if (!(actual instanceof Tensor t)) {
                fail(what + ": expected a tensor, Java returned " + describe(actual));
                return;
            }
            checkTensor(what, (Map<String, Object>) expected.get("tensor"), t, float32Tol);
        } else if (expected.containsKey("tuple")) {
            List<Map<String, Object>> items = (List<Map<String, Object>>) expected.get("tuple");
            List<Object> got = items(actual);
            assertEquals(items.size(), got.size(), what + ": number of results");
            for (int i = 0; i < items.size(); i++) {
                check(what + " [" + i + "]", items.get(i), got.get(i), float32Tol);
            }
        } else if (expected.containsKey("size")) {
            List<Integer> dims = ((List<Number>) expected.get("size")).stream().map(Number::intValue).toList();
            Object got = actual instanceof int[] a ? Size.of(a).toList() : actual instanceof Size s ? s.toList() : actual;
            assertEquals(dims, got, what + ": size");
        } else if (expected.containsKey("scalar")) {
            Object want = expected.get("scalar");
            if (want instanceof Number n && actual instanceof Number a) {
                assertClose(what, n.doubleValue(), a.doubleValue(), float32Tol * 1e-6);
            } else {
                assertEquals(want, actual, what);
            }
        } else if (expected.containsKey("none")) {
            assertEquals(null, actual, what);
        } else {
            fail(what + ": cannot compare a recorded " + expected.keySet());
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkTensor(String what, Map<String, Object> want, Tensor got, double float32Tol) {
        DType dtype = dtype((String) want.get("dtype"));
        assertEquals(dtype, got.dtype(), what + ": dtype");
        List<Integer> shape = ((List<Number>) want.get("shape")).stream().map(Number::intValue).toList();
        assertEquals(shape, got.shape().toList(), what + ": shape");
        List<Object> wantValues = (List<Object>) want.get("values");
        List<Object> gotValues = flat(got);
        double tol = tolerance(dtype, float32Tol);
        boolean exact = true;
        for (int i = 0; i < wantValues.size(); i++) {
            Object w = wantValues.get(i);
            Object g = gotValues.get(i);
            if (w instanceof Boolean) {
                assertEquals(w, g, what + ": element " + i);
            } else {
                double wd = number(w);
                double gd = ((Number) g).doubleValue();
                assertClose(what + ": element " + i, wd, gd, tol);
                exact &= Double.compare(wd, gd) == 0 || wd == gd;
            }
        }
        if (exact) {
            assertEquals(want.get("repr"), got.toString(), what + ": repr");
        }
    }

    static void assertClose(String what, double want, double got, double tol) {
        boolean same = Double.compare(want, got) == 0 || want == got;
        if (!same && !(Math.abs(got - want) <= tol + tol * Math.abs(want))) {
            fail(what + ": expected " + want + ", Java gave " + got + " (tolerance " + tol + ")");
        }
    }

    /** Values of a tensor in row-major order, as Double, Long or Boolean. */
    @SuppressWarnings("unchecked")
    static List<Object> flat(Tensor t) {
        Object list = t.detach().reshape(-1).tolist();
        return (List<Object>) list;
    }

    /** A recorded number: JSON numbers, or NaN/Infinity. */
    static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    private static List<Object> items(Object actual) {
        if (actual instanceof ValuesIndices vi) {
            return List.of(vi.get(0), vi.get(1));
        }
        if (actual instanceof MinMax mm) {
            return List.of(mm.min(), mm.max());
        }
        if (actual instanceof TensorList list) {
            return new ArrayList<>(list);
        }
        if (actual instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        fail("expected several results, Java returned " + describe(actual));
        return List.of();
    }

    private static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
    }
}

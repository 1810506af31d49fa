package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import jtorch.DType;
import jtorch.Tensor;
import jtorch.nn;
import jtorch.golden.PyErrors;
import jtorch.torch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The op catalog's one generic test (issue 10): each row of {@code ops/ops.jsonl} expands into
 * <ul>
 *   <li>forward vs PyTorch for every recorded case, in each form the row names ({@code torch.f(x)}
 *       and {@code x.f()}): the dtype sweep, 0-d and broadcast variants, and the unsupported
 *       dtypes' errors (same Python exception type and message);</li>
 *   <li>the same cases with non-contiguous (strided) inputs;</li>
 *   <li>for differentiable rows, float64 gradients against PyTorch's and against central
 *       differences;</li>
 *   <li>for rows with an {@code out=} form, {@code torch.fOut(out, ...)} writing into {@code out}
 *       (the first case of the first variant that PyTorch computes);</li>
 *   <li>for API rows ({@code covered_by}), the named tests exist and use the method.</li>
 * </ul>
 * It also fails when a public method of {@code torch}, {@code Tensor} or {@code nn.functional} has
 * no row in the form it belongs to, or a row has no
 * recorded case (re-run {@code tools/opcatalog/record_ops.py}).
 */
class OpCatalogTest {
    private static final List<CatalogRow> ROWS = Catalog.rows();
    private static final Map<String, List<RecordedCase>> RECORDED = Catalog.recorded();
    /** Public methods that are Java plumbing, not PyTorch API. */
    private static final Set<String> NOT_API = Set.of("equals", "hashCode", "toString", "getClass", "notify",
            "notifyAll", "wait");

    @TestFactory
    Stream<DynamicNode> catalog() {
        return ROWS.stream().map(row -> DynamicContainer.dynamicContainer(row.op(), expand(row)));
    }

    @Test
    void everyPublicMethod_hasARow() {
        Set<String> named = new TreeSet<>();
        ROWS.forEach(r -> r.forms().forEach(f -> named.add(owner(f) + r.javaName())));
        ROWS.stream().filter(CatalogRow::out).forEach(r -> named.add("torch." + r.javaName() + "Out"));
        Set<String> missing = new TreeSet<>();
        for (Class<?> owner : List.of(torch.class, Tensor.class, nn.functional.class)) {
            for (Method m : owner.getDeclaredMethods()) {
                String name = owner.getSimpleName() + "." + m.getName();
                if (Modifier.isPublic(m.getModifiers()) && !NOT_API.contains(m.getName()) && !named.contains(name)) {
                    missing.add(name);
                }
            }
        }
        assertTrue(missing.isEmpty(), "public methods without a row in " + Catalog.ROWS + ": " + missing);
    }

    @Test
    void everyRow_isRecorded() {
        List<String> unrecorded = ROWS.stream().filter(r -> !r.isApi() && !RECORDED.containsKey(r.op()))
                .map(CatalogRow::op).toList();
        assertTrue(unrecorded.isEmpty(), "rows without recorded cases (run tools/opcatalog/record_ops.py): "
                + unrecorded);
        Set<String> ops = new TreeSet<>(RECORDED.keySet());
        ROWS.forEach(r -> ops.remove(r.op()));
        assertTrue(ops.isEmpty(), "recorded cases of ops that have no row: " + ops);
    }

    /** How a public method of a form's class is named in the check: {@code torch.}, {@code Tensor.}, {@code functional.}. */
    private static String owner(String form) {
        return switch (form) {
            case "torch" -> "torch.";
            case "method" -> "Tensor.";
            case "F" -> "functional.";
            default -> throw new IllegalArgumentException("unknown form " + form + " (torch, method, F)");
        };
    }

    private static Stream<DynamicNode> expand(CatalogRow row) {
        if (row.isApi()) {
            return Stream.of(DynamicTest.dynamicTest("covered by " + row.coveredBy(), () -> checkCovered(row)));
        }
        List<DynamicNode> tests = new ArrayList<>();
        boolean outTested = false;
        for (RecordedCase c : RECORDED.getOrDefault(row.op(), List.of())) {
            for (String form : row.forms().stream().filter(c::takes).toList()) {
                tests.add(test(row, c, form + " " + c.label(), () -> forward(row, c, form, false)));
            }
            if (!c.raises() && c.dtype().equals("float32") && c.inputs().stream().anyMatch(OpCatalogTest::isVector)) {
                tests.add(test(row, c, "non-contiguous " + c.label(), () -> forward(row, c, row.forms().get(0), true)));
            }
            if (c.grads() != null) {
                tests.add(test(row, c, "grad vs PyTorch " + c.label(), () -> gradsVsPyTorch(row, c)));
                tests.add(test(row, c, "gradcheck " + c.label(), () -> gradcheck(row, c)));
            }
            if (row.out() && !outTested && !c.raises() && c.variant() == 0) {
                outTested = true;
                tests.add(test(row, c, "out= " + c.label(), () -> outForm(row, c)));
            }
        }
        return tests.stream();
    }

    private interface Check {
        void run() throws Throwable;
    }

    private static DynamicTest test(CatalogRow row, RecordedCase c, String name, Check check) {
        return DynamicTest.dynamicTest(name, () -> {
            String why = row.known().get(c.key());
            Assumptions.assumeTrue(why == null, () -> "known difference from PyTorch: " + why);
            try {
                check.run();
            } catch (AssertionError e) {
                throw new AssertionError(row.op() + " " + name + ": " + e.getMessage(), e);
            }
        });
    }

    private static boolean isVector(Map<String, Object> input) {
        return !((List<?>) input.get("shape")).isEmpty() && ((List<?>) input.get("values")).size() > 1;
    }

    private static List<Tensor> inputs(RecordedCase c, boolean nonContiguous) {
        List<Tensor> out = new ArrayList<>();
        for (Map<String, Object> input : c.inputs()) {
            Tensor t = CaseValues.tensor(input);
            out.add(nonContiguous && t.dim() > 0 ? CaseValues.nonContiguous(t) : t);
        }
        return out;
    }

    private static Function<List<Tensor>, Object> op(CatalogRow row, String form, RecordedCase c) {
        return inputs -> {
            try {
                return call(row, form, c, inputs);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Object call(CatalogRow row, String form, RecordedCase c, List<Tensor> inputs) throws Throwable {
        List<Object> all = new ArrayList<>();
        if (c.listInputs()) {
            all.add(inputs);
        } else {
            all.addAll(inputs);
        }
        all.addAll(c.args());
        if (form.equals("torch")) {
            return JavaCall.torch(row.javaName(), all);
        }
        if (form.equals("F")) {
            return JavaCall.functional(row.javaName(), all);
        }
        Object self = all.remove(row.methodSelf());
        return JavaCall.method((Tensor) self, row.javaName(), all);
    }

    private static void forward(CatalogRow row, RecordedCase c, String form, boolean nonContiguous) throws Throwable {
        torch.manualSeed(0);
        List<Tensor> inputs = inputs(c, nonContiguous);
        if (c.raises()) {
            expectError(c, () -> call(row, form, c, inputs));
            return;
        }
        Object result;
        try {
            result = call(row, form, c, inputs);
        } catch (NoSuchMethodError e) {
            throw new AssertionError(form + " form: " + e.getMessage(), e);
        }
        CaseValues.check(form + " " + c.label(), c.out(), result, row.tol());
    }

    private static void expectError(RecordedCase c, Check call) {
        String type = (String) c.error().get("type");
        String message = (String) c.error().get("message");
        try {
            call.run();
        } catch (NoSuchMethodError e) {
            fail("no Java overload for the case: " + e.getMessage());
        } catch (Throwable e) {
            assertTrue(PyErrors.pythonNames(e.getClass().getName()).contains(type),
                    "PyTorch raised " + type + ", Java threw " + e);
            assertTrue(PyErrors.messageMatches(type, message, e.getMessage()),
                    "PyTorch: " + type + ": " + message + "\nJava:    " + e.getMessage());
            return;
        }
        fail("PyTorch raised " + type + ": " + message + "; Java returned normally");
    }

    private static void gradsVsPyTorch(CatalogRow row, RecordedCase c) {
        List<Tensor> grads = Gradients.autograd(op(row, row.forms().get(0), c), inputs(c, false), row.inPlace());
        for (int k = 0; k < c.grads().size(); k++) {
            List<Object> want = c.grads().get(k);
            if (want == null) {
                continue;
            }
            Tensor got = grads.get(k);
            assertNotNull(got, "input " + k + " got no gradient");
            List<Object> values = CaseValues.flat(got);
            assertEquals(want.size(), values.size(), "gradient size of input " + k);
            for (int i = 0; i < want.size(); i++) {
                CaseValues.assertClose("d/d input " + k + " element " + i, CaseValues.number(want.get(i)),
                        ((Number) values.get(i)).doubleValue(), Math.max(1e-10, row.tol() * 1e-4));
            }
        }
    }

    private static void gradcheck(CatalogRow row, RecordedCase c) {
        Function<List<Tensor>, Object> op = op(row, row.forms().get(0), c);
        List<Tensor> inputs = inputs(c, false);
        if (Gradients.output(op, inputs, row.inPlace()).dtype() != DType.FLOAT64) {
            return; // a cast to a narrower dtype: central differences would measure its rounding
        }
        List<Tensor> grads = Gradients.autograd(op, inputs, row.inPlace());
        for (int k = 0; k < inputs.size(); k++) {
            if (grads.get(k) == null || !inputs.get(k).dtype().isFloatingPoint()) {
                continue;
            }
            double[] numeric = Gradients.numeric(op, inputs, row.inPlace(), k);
            double[] analytic = grads.get(k).toDoubleArray();
            for (int j = 0; j < numeric.length; j++) {
                if (!(Math.abs(analytic[j] - numeric[j]) <= Gradients.ATOL + Gradients.RTOL * Math.abs(numeric[j]))) {
                    fail("d/d input " + k + " element " + j + ": autograd " + analytic[j] + ", finite difference "
                            + numeric[j]);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void outForm(CatalogRow row, RecordedCase c) throws Throwable {
        Map<String, Object> want = (Map<String, Object>) c.out().get("tensor");
        int[] shape = ((List<Number>) want.get("shape")).stream().mapToInt(Number::intValue).toArray();
        Tensor out = torch.empty(shape, CaseValues.dtype((String) want.get("dtype")));
        torch.manualSeed(0); // as before the recorded call, so random ops draw the same samples
        List<Object> all = new ArrayList<>();
        all.add(out);
        if (c.listInputs()) {
            all.add(inputs(c, false));
        } else {
            all.addAll(inputs(c, false));
        }
        all.addAll(c.args());
        Object result = JavaCall.torch(row.javaName() + "Out", all);
        assertSame(out, result, "the out= form returns its out tensor");
        CaseValues.check("out=", c.out(), out, row.tol());
    }

    /** Each named test source exists under src/test/java and calls the op. */
    private static void checkCovered(CatalogRow row) throws IOException {
        Path tests = Path.of("src/test/java");
        for (String name : row.coveredBy()) {
            Path source;
            try (Stream<Path> files = Files.walk(tests)) {
                source = files.filter(p -> p.getFileName().toString().equals(name + ".java")).findFirst().orElse(null);
            }
            assertNotNull(source, row.op() + ": covered_by names " + name + ", which is no test under " + tests);
            String text = Files.readString(source);
            assertTrue(text.contains("." + row.javaName() + "("),
                    row.op() + ": " + name + " does not call " + row.javaName() + "(...)");
        }
    }
}

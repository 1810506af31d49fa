package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Python subscripts on tensors; expected text is PyTorch 1.13.1's (golden "indexing" cases and probes). */
class IndexingTest {
    private static Tensor o() {
        return torch.tensor(new double[][] {{1.2652, 1.0650, 1.5593}, {1.7864, 1.0015, 1.4458}});
    }

    private static void assertError(Class<? extends Throwable> type, String message, Executable call) {
        Throwable t = assertThrows(type, call);
        assertEquals(message, t.getMessage());
    }

    // ---------------------------------------------------------------- basic reads

    @Test
    void index_columnAndRow() {
        assertEquals("tensor([1.0650, 1.0015])", o().index(":, 1").toString());
        assertEquals("tensor([1.7864, 1.0015, 1.4458])", o().index("1").toString());
        assertEquals("tensor([1.7864, 1.0015, 1.4458])", o().index("-1").toString());
        assertEquals("tensor([1.5593, 1.4458])", o().index(":, -1").toString());
        assertEquals("tensor(1.2652)", o().index("0, 0").toString());
        assertEquals("tensor([[1.7864, 1.0015, 1.4458]])", o().index("1:").toString());
        assertEquals("tensor([[1.0650, 1.5593],\n        [1.0015, 1.4458]])", o().index(":, 1:").toString());
    }

    @Test
    void index_ellipsisAndNone() {
        assertEquals("tensor([1.2652, 1.7864])", o().index("..., 0").toString());
        assertEquals("tensor([[[1.2652, 1.0650, 1.5593],\n         [1.7864, 1.0015, 1.4458]]])",
                o().index("None").toString());
        assertEquals("tensor([[[1.2652, 1.0650, 1.5593]],\n\n        [[1.7864, 1.0015, 1.4458]]])",
                o().index(":, None").toString());
        assertEquals("torch.Size([2, 1, 3])", o().index(":, None").shape().toString());
        assertEquals("torch.Size([2])", o().index(":, 1").shape().toString());
        assertEquals("torch.Size([])", o().index("0, 0").shape().toString());
    }

    @Test
    void index_slices() {
        Tensor x = torch.arange(10);
        assertEquals("tensor([2, 4, 6])", x.index("2:8:2").toString());
        assertEquals("tensor([7, 8, 9])", x.index("-3:").toString());
        assertEquals("tensor([0, 1, 2])", x.index(":-7").toString());
        assertEquals("tensor([], dtype=torch.int64)", x.index("5:2").toString());
        assertEquals("tensor([0, 3, 6, 9])", x.index("::3").toString());
        assertEquals("tensor([8, 9])", x.index("8:100").toString());
        assertEquals("tensor([0, 1, 2])", x.index("-100:3").toString());
        assertEquals("tensor([], dtype=torch.int64)", x.index("10:").toString());
        assertEquals("tensor([[ 4,  6],\n        [16, 18]])", torch.arange(24).view(2, 3, 4).index(":, 1, ::2").toString());
    }

    @Test
    void index_objectsMatchText() {
        Tensor x = torch.arange(24).view(2, 3, 4);
        assertEquals(x.index(":, 1, ::2").toString(), x.index(Slice.all(), 1, Slice.of(null, null, 2)).toString());
        assertEquals(x.index("..., None, 0").toString(), x.index(Slice.ELLIPSIS, Slice.NONE, 0).toString());
        assertEquals(x.index("-1, 1:3").toString(), x.index(-1L, Slice.of(1, 3)).toString());
        assertEquals("tensor(3)", torch.arange(10).index(3).toString());
        assertEquals(x.index("1:, 0, ::2").toString(), x.index("1:", 0, "::2").toString());
        assertThrows(IllegalArgumentException.class, () -> x.index("0, 1", 0));
        assertEquals("slice(1, None, 2)", Slice.of(1, null, 2).toString());
    }

    @Test
    void index_scalarResults() {
        assertEquals(1.2652000188827515, o().index("0, 0").item());
        assertEquals(3L, torch.arange(10).index("3").item());
        assertEquals("tensor(3)", torch.arange(10).index("3").toString());
    }

    @Test
    void index_sliceIsView() {
        Tensor x = torch.arange(10);
        assertEquals(x.dataPtr() + 2 * x.elementSize(), x.index("2:5").dataPtr());
        x.index("2:5").fill_(0);
        assertEquals("tensor([0, 1, 0, 0, 0, 5, 6, 7, 8, 9])", x.toString());
    }

    @Test
    void index_pythonQuirks() {
        Tensor x = torch.arange(12).view(3, 4);
        assertEquals("tensor([[ 0,  1,  2,  3],\n        [ 4,  5,  6,  7],\n        [ 8,  9, 10, 11]])",
                x.index("..., ...").toString());
        assertEquals("tensor(0)", x.index("0, 0, ...").toString());
        assertEquals("tensor([[[0]]])", x.index("None, None, 0, 0, None").toString());
        assertEquals("tensor([5])", torch.tensor(5).index("None").toString());
        assertEquals("tensor(5)", torch.tensor(5).index("...").toString());
    }

    // ---------------------------------------------------------------- advanced reads

    @Test
    void index_listsAndTensors() {
        Tensor x = torch.arange(10);
        assertEquals("tensor([0, 2, 4])", x.index(new int[] {0, 2, 4}).toString());
        assertEquals("tensor([0, 2, 4])", x.index("[0, 2, 4]").toString());
        assertEquals("tensor([1, 3])", x.index(torch.tensor(new long[] {1, 3})).toString());
        assertEquals("tensor([[0, 1],\n        [2, 3]])", x.index(torch.tensor(new long[][] {{0, 1}, {2, 3}})).toString());
        assertEquals("tensor([9, 8])", x.index(new int[] {-1, -2}).toString());
        assertEquals("tensor(4)", x.index(torch.tensor(4)).toString());
        assertEquals("tensor(3)", x.index(torch.tensor(3, DType.INT32)).toString());
        assertEquals("tensor([], dtype=torch.int64)", x.index(new int[0]).toString());
    }

    @Test
    void index_masks() {
        Tensor o = o();
        assertEquals("tensor([1.5593, 1.7864])", o.index(o.gt(1.5)).toString());
        assertEquals("tensor([[1.2652, 1.0650, 1.5593]])", o.index(torch.tensor(new boolean[] {true, false})).toString());
        Tensor x = torch.arange(10);
        assertEquals("tensor([], dtype=torch.int64)", x.index(x.gt(100)).toString());
        assertEquals("tensor([0, 2, 4, 6, 8])", x.index(x.remainder(2).eq(0)).toString());
        assertEquals("tensor([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]])", x.index(torch.tensor(true)).toString());
        assertEquals("tensor([], size=(0, 10), dtype=torch.int64)", x.index(torch.tensor(false)).toString());
        assertEquals("tensor([0, 2])", torch.arange(3).index(torch.tensor(new long[] {1, 0, 1}).to(DType.UINT8)).toString());
    }

    @Test
    void index_severalAdvancedIndices() {
        Tensor x = torch.arange(24).view(2, 3, 4);
        assertEquals("tensor([[ 1,  6],\n        [13, 18]])", x.index(":, [0, 1], [1, 2]").toString());
        assertEquals("tensor([[ 1,  5,  9],\n        [14, 18, 22]])", x.index("[0, 1], :, [1, 2]").toString());
        assertEquals("tensor([ 5, 18])", x.index("[0, 1], 1, [1, 2]").toString());
        assertEquals("tensor([[[ 1],\n         [13]],\n\n        [[ 6],\n         [18]]])",
                x.index(":, [0, 1], None, [1, 2]").toString());
        assertEquals("tensor([[[12, 16, 20]],\n\n        [[13, 17, 21]]])",
                x.index(new int[] {1}, Slice.all(), torch.tensor(new long[][] {{0}, {1}})).toString());
        assertEquals("tensor([[0, 1, 2, 3],\n        [4, 5, 6, 7]])", x.index("[True, False], [0, 1]").toString());
        assertEquals("tensor([], size=(0, 1))", torch.zeros(0, 3).index(":, [5]").toString());
    }

    // ---------------------------------------------------------------- errors

    @Test
    void index_errors() {
        Tensor x = torch.arange(10);
        assertError(IndexOutOfBoundsException.class, "index -11 is out of bounds for dimension 0 with size 10",
                () -> x.index("-11"));
        assertError(IndexOutOfBoundsException.class, "index 2 is out of bounds for dimension 0 with size 2",
                () -> o().index("2"));
        assertError(IndexOutOfBoundsException.class, "index 5 is out of bounds for dimension 1 with size 3",
                () -> o().index("0, 5"));
        assertError(IndexOutOfBoundsException.class, "index 3 is out of bounds for dimension 1 with size 3",
                () -> o().index(":, 3"));
        assertError(IndexOutOfBoundsException.class, "too many indices for tensor of dimension 2",
                () -> o().index("0, 0, 0"));
        assertError(IllegalArgumentException.class, "step must be greater than zero", () -> x.index("::-1"));
        assertError(IllegalArgumentException.class, "slice step cannot be zero", () -> x.index("::0"));
        assertError(IllegalArgumentException.class, "slice step cannot be zero", () -> Slice.of(null, null, 0));
        assertError(IndexOutOfBoundsException.class, "tensors used as indices must be long, byte or bool tensors",
                () -> x.index(torch.tensor(new double[] {1.0})));
        assertError(IndexOutOfBoundsException.class, "tensors used as indices must be long, byte or bool tensors",
                () -> x.index(torch.tensor(new int[] {1, 2}, DType.INT32)));
        assertError(IndexOutOfBoundsException.class, "invalid index of a 0-dim tensor. Use `tensor.item()` in Python"
                + " or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number", () -> torch.tensor(5).index("0"));
        assertError(IndexOutOfBoundsException.class, "index 3 is out of bounds for dimension 0 with size 0",
                () -> torch.tensor(5).index("3"));
        assertError(IndexOutOfBoundsException.class, "too many indices for tensor of dimension 0",
                () -> torch.tensor(5).index("0, 0"));
        assertError(IndexOutOfBoundsException.class, "too many indices for tensor of dimension 0",
                () -> torch.tensor(5).index(new int[] {0}));
        assertError(IndexOutOfBoundsException.class, "slice() cannot be applied to a 0-dim tensor.",
                () -> torch.tensor(5).index(":"));
        assertError(IndexOutOfBoundsException.class, "only integers, slices (`:`), ellipsis (`...`), None and long or"
                + " byte Variables are valid indices (got float)", () -> x.index(1.0));
        assertError(IndexOutOfBoundsException.class, "only integers, slices (`:`), ellipsis (`...`), None and long or"
                + " byte Variables are valid indices (got float)", () -> x.index("1.5"));
        assertThrows(IllegalArgumentException.class, () -> x.index("1:2:3:4"));
        assertThrows(IllegalArgumentException.class, () -> x.index(""));
    }

    @Test
    void index_advancedErrors() {
        Tensor m = torch.arange(12).view(3, 4);
        assertError(IndexOutOfBoundsException.class, "index 5 is out of bounds for dimension 0 with size 4",
                () -> m.index(":, [5]"));
        assertError(IndexOutOfBoundsException.class, "index 5 is out of bounds for dimension 1 with size 4",
                () -> m.index("[0], [5]"));
        assertError(IndexOutOfBoundsException.class, "index 10 is out of bounds for dimension 0 with size 10",
                () -> torch.arange(10).index(new int[] {10}));
        assertError(IndexOutOfBoundsException.class,
                "shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]",
                () -> torch.arange(24).view(2, 3, 4).index("[0, 1], [0, 1, 2]"));
        assertError(IndexOutOfBoundsException.class, "The shape of the mask [2] at index 0 does not match the shape"
                + " of the indexed tensor [3, 4] at index 1", () -> m.index(":, [True, False]"));
        assertError(IndexOutOfBoundsException.class, "The shape of the mask [2, 3] at index 1 does not match the"
                + " shape of the indexed tensor [2, 4] at index 1",
                () -> torch.arange(24).view(2, 3, 4).index(torch.ones(new int[] {2, 3}, DType.BOOL), 0));
    }

    // ---------------------------------------------------------------- autograd of reads

    @Test
    void index_gradFnNames() {
        Tensor x = torch.ones(new int[] {2, 2}, true);
        assertEquals("tensor([1., 1.], grad_fn=<SelectBackward0>)", x.index("0").toString());
        Tensor v = torch.tensor(new double[] {1., 2., 3.}, true);
        assertEquals("tensor([2., 3.], grad_fn=<SliceBackward0>)", v.index("1:").toString());
        assertEquals("tensor([1., 3.], grad_fn=<IndexBackward0>)", v.index(new int[] {0, 2}).toString());
        assertEquals("SliceBackward0", v.index(":").gradFn().name());
        assertEquals("AliasBackward0", v.index("...").gradFn().name());
        assertEquals("AliasBackward0", x.index("0:2, 0:2").gradFn().name());
        assertEquals("UnsqueezeBackward0", x.index("None").gradFn().name());
        assertEquals("SelectBackward0", v.index(torch.tensor(1)).gradFn().name());
        assertEquals("IndexBackward0", x.index("True").gradFn().name());
    }

    @Test
    void backward_throughSelectAndIndex() {
        Tensor x = torch.tensor(new double[] {1., 2., 3.}, true);
        x.index("1").backward();
        assertEquals("tensor([0., 1., 0.])", x.grad().toString());
        x.setGrad(null);
        x.index(new int[] {2, 0, 2}).sum().backward();
        assertEquals("tensor([1., 0., 2.])", x.grad().toString());
        Tensor m = torch.arange(6.).view(2, 3).requiresGrad_();
        m.index(":, [0, 2]").sum().backward();
        assertEquals("tensor([[1., 0., 1.],\n        [1., 0., 1.]])", m.grad().toString());
    }

    // ---------------------------------------------------------------- assignment

    @Test
    void indexPut_goldenCases() {
        Tensor x = torch.arange(10);
        x.indexPut_("0", 100);
        assertEquals("tensor([100,   1,   2,   3,   4,   5,   6,   7,   8,   9])", x.toString());
        Tensor y = torch.arange(10);
        y.indexPut_("1:3", 0);
        assertEquals("tensor([0, 0, 0, 3, 4, 5, 6, 7, 8, 9])", y.toString());
        Tensor o = o();
        o.indexPut_(":, 0", torch.tensor(new double[] {9., 8.}));
        assertEquals("tensor([[9.0000, 1.0650, 1.5593],\n        [8.0000, 1.0015, 1.4458]])", o.toString());
        Tensor z = torch.arange(10);
        z.indexPut_(z.gt(5), -1);
        assertEquals("tensor([ 0,  1,  2,  3,  4,  5, -1, -1, -1, -1])", z.toString());
        Tensor w = torch.arange(10);
        w.indexPut_(new int[] {0, 9}, torch.tensor(new long[] {50, 90}));
        assertEquals("tensor([50,  1,  2,  3,  4,  5,  6,  7,  8, 90])", w.toString());
        Tensor m = torch.zeros(2, 3);
        m.indexPut_("1", 5);
        assertEquals("tensor([[0., 0., 0.],\n        [5., 5., 5.]])", m.toString());
        Tensor a = torch.arange(10);
        a.indexPut_(":", 1);
        assertEquals("tensor([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])", a.toString());
    }

    @Test
    void indexPut_conversionsAndBroadcasts() {
        Tensor x = torch.arange(6);
        x.indexPut_("1:3", torch.tensor(new double[] {5.5, 6.}));
        x.indexPut_(0, 5.7);
        assertEquals("tensor([5, 5, 6, 3, 4, 5])", x.toString());
        Tensor m = torch.arange(6).view(2, 3);
        m.indexPut_("0", torch.tensor(new long[][][] {{{5, 6, 7}}}));
        m.indexPut_(new Object[] {new int[] {1}}, torch.tensor(new long[][] {{8}}));
        m.indexPut_("0, 0", true);
        assertEquals("tensor([[1, 6, 7],\n        [8, 8, 8]])", m.toString());
        Tensor b = torch.zeros(3, DType.BOOL);
        b.indexPut_(0, 2);
        assertEquals("tensor([ True, False, False])", b.toString());
        Tensor d = torch.arange(6).view(2, 3);
        d.indexPut_(new int[] {0, 0}, torch.tensor(new long[][] {{1, 2, 3}, {4, 5, 6}}));
        assertEquals("tensor([[4, 5, 6],\n        [3, 4, 5]])", d.toString());
        Tensor t = torch.arange(6);
        t.indexPut_(torch.tensor(1), 20);
        t.indexPut_(torch.tensor(false), 30);
        assertEquals("tensor([ 0, 20,  2,  3,  4,  5])", t.toString());
        t.indexPut_(torch.tensor(true), 30);
        assertEquals("tensor([30, 30, 30, 30, 30, 30])", t.toString());
        Tensor s = torch.tensor(5);
        s.indexPut_("...", 20);
        assertEquals("tensor(20)", s.toString());
        Tensor acc = torch.zeros(3);
        acc.indexPut_(new Tensor[] {torch.tensor(new long[] {0, 0, 2})}, torch.tensor(new double[] {1., 2., 3.}), true);
        assertEquals("tensor([3., 0., 3.])", acc.toString());
    }

    @Test
    void indexPut_errors() {
        Tensor x = torch.arange(10);
        assertError(IllegalArgumentException.class, "The expanded size of the tensor (2) must match the existing size"
                + " (3) at non-singleton dimension 0.  Target sizes: [2].  Tensor sizes: [3]",
                () -> x.indexPut_("0:2", torch.tensor(new long[] {1, 2, 3})));
        assertError(IllegalArgumentException.class, "Index put requires the source and destination dtypes match, got"
                + " Long for the destination and Float for the source.",
                () -> x.indexPut_(new int[] {0, 1}, torch.tensor(new double[] {5., 6.})));
        assertError(IllegalArgumentException.class, "shape mismatch: value tensor of shape [3] cannot be broadcast to"
                + " indexing result of shape [2]", () -> x.indexPut_(new int[] {0, 1}, torch.tensor(new long[] {5, 6, 7})));
        assertError(IllegalArgumentException.class, "shape mismatch: value tensor of shape [2, 1] cannot be broadcast"
                + " to indexing result of shape [2]",
                () -> x.indexPut_(new int[] {0, 1}, torch.tensor(new long[][] {{5}, {6}})));
        assertError(IllegalArgumentException.class, "value cannot be converted to type int without overflow",
                () -> torch.zeros(2, DType.INT32).indexPut_(0, 1e20));
        assertError(IllegalArgumentException.class, "step must be greater than zero", () -> x.indexPut_("::-1", 2));
        assertError(IndexOutOfBoundsException.class, "index 10 is out of bounds for dimension 0 with size 10",
                () -> x.indexPut_(10, 2));
        assertError(IndexOutOfBoundsException.class, "too many indices for tensor of dimension 1",
                () -> x.indexPut_("0, 0", 2));
        assertEquals("tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])", x.toString());
    }

    @Test
    void indexPut_overlappingValue() {
        Tensor x = torch.arange(6.);
        assertError(IllegalArgumentException.class, "unsupported operation: some elements of the input tensor and the"
                + " written-to tensor refer to a single memory location. Please clone() the tensor before performing"
                + " the operation.", () -> x.indexPut_("1:3", x.index("0:2")));
        assertError(IllegalArgumentException.class, "unsupported operation: some elements of the input tensor and the"
                + " written-to tensor refer to a single memory location. Please clone() the tensor before performing"
                + " the operation.", () -> x.indexPut_(new int[] {1, 2}, x.index("0:2")));
        x.indexPut_("0:2", x.index("0:2"));
        x.indexPut_("2:4", x.index("0:2"));
        x.view(2, 3).indexPut_(":, 0", x.view(2, 3).index(":, 1"));
        x.indexPut_("4:6", x.index("1"));
        assertEquals("tensor([1., 1., 0., 4., 1., 1.])", x.toString());
    }

    @Test
    void indexPut_leafErrors() {
        Tensor x = torch.tensor(new double[] {1., 2., 3.}, true);
        String view = "a view of a leaf Variable that requires grad is being used in an in-place operation.";
        String leaf = "a leaf Variable that requires grad is being used in an in-place operation.";
        assertError(IllegalStateException.class, view, () -> x.indexPut_("0", 5.));
        assertError(IllegalStateException.class, view, () -> x.indexPut_(":", 5.));
        assertError(IllegalStateException.class, leaf, () -> x.indexPut_("...", 5.));
        assertError(IllegalStateException.class, leaf, () -> x.indexPut_(new int[] {0}, 5.));
        assertError(IllegalStateException.class, leaf, () -> x.indexPut_(x.gt(2), 5.));
        assertError(IllegalStateException.class, view, () -> x.view(3).indexPut_(new int[] {0}, 5.));
        x.detach().indexPut_("0", 5);
        x.data().indexPut_(new int[] {1}, 6);
        try (AutoCloseable off = torch.noGrad()) {
            x.indexPut_("2", 7);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals("tensor([5., 6., 7.], requires_grad=True)", x.toString());
    }

    @Test
    void indexPut_recordsHistory() {
        Tensor x = torch.arange(6.).requiresGrad_();
        Tensor y = x.mul(1);
        y.indexPut_("1:3", 5);
        assertEquals("tensor([0., 5., 5., 3., 4., 5.], grad_fn=<CopySlices>)", y.toString());
        y.sum().backward();
        assertEquals("tensor([1., 0., 0., 1., 1., 1.])", x.grad().toString());

        Tensor x2 = torch.arange(6.).requiresGrad_();
        Tensor y2 = x2.mul(1);
        y2.indexPut_(y2.gt(2), 0);
        assertEquals("IndexPutBackward0", y2.gradFn().name());
        y2.sum().backward();
        assertEquals("tensor([1., 1., 1., 0., 0., 0.])", x2.grad().toString());

        Tensor y3 = torch.arange(6.).mul(1).requiresGrad_();
        Tensor y4 = y3.mul(1);
        y4.indexPut_("...", 5);
        assertEquals("FillBackward3", y4.gradFn().name());
        Tensor y5 = y3.mul(1);
        y5.indexPut_("0:6", torch.arange(6.));
        assertEquals("CopyBackwards", y5.gradFn().name());
    }

    @Test
    void indexPut_valueGradients() {
        Tensor x = torch.arange(6.).requiresGrad_();
        Tensor v = torch.tensor(new double[] {7., 8.}, true);
        Tensor y = x.mul(1);
        y.indexPut_(new int[] {1, 4}, v);
        assertEquals("tensor([0., 7., 2., 3., 8., 5.], grad_fn=<IndexPutBackward0>)", y.toString());
        y.mul(torch.arange(6.)).sum().backward();
        assertEquals("tensor([0., 0., 2., 3., 0., 5.])", x.grad().toString());
        assertEquals("tensor([1., 4.])", v.grad().toString());

        Tensor s = torch.tensor(7., true);
        Tensor z = torch.arange(6.).mul(1);
        z.indexPut_("1:3", s);
        z.sum().backward();
        assertEquals("tensor(2.)", s.grad().toString());

        Tensor r = torch.tensor(new double[][] {{7., 8.}}, true);
        Tensor w = torch.zeros(6);
        w.indexPut_("1:3", r);
        assertEquals("CopySlices", w.gradFn().name());
        w.sum().backward();
        assertEquals("tensor([[1., 1.]])", r.grad().toString());

        Tensor q = torch.tensor(new double[][] {{7.}}, true);
        Tensor u = torch.arange(6.).mul(1);
        u.indexPut_(new int[] {1, 4}, q);
        u.sum().backward();
        assertEquals("tensor([[2.]])", q.grad().toString());
    }

    @Test
    void indexPut_advancedThroughView() {
        Tensor x = torch.arange(6.).view(2, 3).requiresGrad_();
        Tensor y = x.mul(1);
        y.indexPut_("0, [0, 2]", 5);
        assertEquals("tensor([[5., 1., 5.],\n        [3., 4., 5.]], grad_fn=<CopySlices>)", y.toString());
        y.sum().backward();
        assertEquals("tensor([[0., 1., 0.],\n        [1., 1., 1.]])", x.grad().toString());
    }

    // ---------------------------------------------------------------- index_select, masked_fill, nonzero, where

    @Test
    void indexSelect_values() {
        assertEquals("tensor([[1.5593, 1.2652],\n        [1.4458, 1.7864]])",
                o().indexSelect(1, torch.tensor(new long[] {2, 0})).toString());
        Tensor x = torch.arange(10);
        assertEquals("tensor([3])", x.indexSelect(0, torch.tensor(3)).toString());
        assertEquals("tensor([1, 2])", x.indexSelect(0, torch.tensor(new int[] {1, 2}, DType.INT32)).toString());
        assertEquals("tensor(5)", torch.tensor(5).indexSelect(0, torch.tensor(0)).toString());
        assertEquals("tensor([], size=(0, 3))", torch.arange(6.).view(2, 3).indexSelect(0, torch.tensor(new long[0], DType.INT64)).toString());
        assertEquals("tensor([1])", torch.indexSelect(x, 0, torch.tensor(new long[] {1})).toString());
    }

    @Test
    void indexSelect_errorsAndGrad() {
        Tensor x = torch.arange(10);
        assertError(IndexOutOfBoundsException.class, "index out of range in self",
                () -> x.indexSelect(0, torch.tensor(new long[] {10})));
        assertError(IndexOutOfBoundsException.class, "index out of range in self",
                () -> x.indexSelect(0, torch.tensor(new long[] {-1})));
        assertError(IllegalArgumentException.class, "index_select(): Expected dtype int32 or int64 for index",
                () -> x.indexSelect(0, torch.tensor(new double[] {1.})));
        assertError(IndexOutOfBoundsException.class, "index_select(): Index is supposed to be a vector",
                () -> x.indexSelect(0, torch.tensor(new long[][] {{1, 2}})));
        Tensor v = torch.tensor(new double[] {1., 2., 3.}, true);
        Tensor r = v.indexSelect(0, torch.tensor(new long[] {2, 0}));
        assertEquals("tensor([3., 1.], grad_fn=<IndexSelectBackward0>)", r.toString());
        v.indexSelect(0, torch.tensor(new long[] {2, 0, 2})).sum().backward();
        assertEquals("tensor([1., 0., 2.])", v.grad().toString());
    }

    @Test
    void gather_valuesErrorsAndGrad() {
        Tensor t = torch.arange(6.).view(2, 3);
        assertEquals("tensor([[0., 0.],\n        [4., 3.]])", t.gather(1, torch.tensor(new long[][] {{0, 0}, {1, 0}})).toString());
        assertEquals("tensor([[0., 4., 5.]])", torch.gather(t, 0, torch.tensor(new long[][] {{0, 1, 1}})).toString());
        assertEquals("tensor(5.)", torch.tensor(5.).gather(0, torch.tensor(0)).toString());
        assertError(IllegalArgumentException.class, "index 3 is out of bounds for dimension 1 with size 3",
                () -> t.gather(1, torch.tensor(new long[][] {{3}})));
        assertError(IllegalArgumentException.class, "Index tensor must have the same number of dimensions as input"
                + " tensor", () -> t.gather(1, torch.tensor(new long[] {0})));
        assertError(IllegalArgumentException.class, "gather(): Expected dtype int64 for index",
                () -> t.gather(1, torch.tensor(new int[][] {{0}}, DType.INT32)));
        assertError(IllegalArgumentException.class, "Size does not match at dimension 1 expected index [1, 4] to be"
                + " smaller than self [2, 3] apart from dimension 0", () -> t.gather(0, torch.tensor(new long[][] {{0, 1, 1, 1}})));
        Tensor x = torch.arange(6.).requiresGrad_();
        Tensor g = x.view(2, 3).gather(1, torch.tensor(new long[][] {{0, 0}, {2, 1}}));
        assertEquals("tensor([[0., 0.],\n        [5., 4.]], grad_fn=<GatherBackward0>)", g.toString());
        g.sum().backward();
        assertEquals("tensor([2., 0., 0., 0., 1., 1.])", x.grad().toString());
    }

    @Test
    void maskedFill_values() {
        Tensor x = torch.arange(10);
        assertEquals("tensor([-1,  1, -1,  3, -1,  5, -1,  7, -1,  9])", x.maskedFill(x.remainder(2).eq(0), -1).toString());
        assertEquals("tensor([0, 1, 2, 3, 4, 5, 1, 1, 1, 1])", x.maskedFill(x.gt(5), 1.5).toString());
        Tensor o = torch.arange(6.).view(2, 3);
        assertEquals("tensor([[7., 1., 7.],\n        [7., 4., 7.]])",
                o.maskedFill(torch.tensor(new boolean[] {true, false, true}), 7).toString());
        assertEquals("tensor([[7., 7.],\n        [7., 7.],\n        [7., 7.]])",
                torch.tensor(new double[] {1., 2.}).maskedFill(torch.ones(new int[] {3, 2}, DType.BOOL), 7).toString());
        assertEquals("tensor([0, 7, 2, 7])", torch.arange(4).maskedFill(torch.tensor(new long[] {0, 1, 0, 1}), 7).toString());
        assertEquals("tensor([0, 1, 2, 3, 4, 5, 0, 0, 0, 0])", torch.maskedFill(x, x.gt(5), 0).toString());
        Tensor c = o.clone();
        c.maskedFill_(o.gt(2), -1);
        assertEquals("tensor([[ 0.,  1.,  2.],\n        [-1., -1., -1.]])", c.toString());
    }

    @Test
    void maskedFill_errorsAndGrad() {
        Tensor x = torch.arange(10);
        assertError(IllegalArgumentException.class, "Mask tensor can take 0 and 1 values only", () -> x.maskedFill(x, 7));
        assertError(IllegalArgumentException.class, "masked_fill_ only supports a 0-dimensional value tensor, but got"
                + " tensor with 1 dimension(s).", () -> x.maskedFill(x.gt(5), torch.tensor(new long[] {7})));
        assertError(IllegalArgumentException.class, "The size of tensor a (2) must match the size of tensor b (10) at"
                + " non-singleton dimension 0", () -> x.maskedFill(torch.tensor(new boolean[] {true, false}), 7));
        assertError(IllegalArgumentException.class, "output with shape [2] doesn't match the broadcast shape [3, 2]",
                () -> torch.tensor(new double[] {1., 2.}).maskedFill_(torch.ones(new int[] {3, 2}, DType.BOOL), 7));
        assertError(IllegalArgumentException.class, "value cannot be converted to type int64_t without overflow",
                () -> x.maskedFill(x.gt(1), 1e20));
        Tensor v = torch.tensor(new double[] {1., 2., 3.}, true);
        assertEquals("tensor([1., 0., 0.], grad_fn=<MaskedFillBackward0>)", v.maskedFill(v.gt(1), 0).toString());
        assertError(IllegalStateException.class, "a leaf Variable that requires grad is being used in an in-place"
                + " operation.", () -> v.maskedFill_(v.gt(1), 0));
        Tensor s = torch.tensor(0., true);
        Tensor r = v.maskedFill(v.gt(1), s);
        assertEquals("MaskedFillBackward1", r.gradFn().name());
        r.sum().backward();
        assertEquals("tensor([1., 0., 0.])", v.grad().toString());
        assertEquals("tensor(2.)", s.grad().toString());
    }

    @Test
    void nonzero_values() {
        assertEquals("tensor([[1],\n        [3]])", torch.tensor(new long[] {0, 3, 0, 5}).nonzero().toString());
        assertEquals("tensor([[0, 1],\n        [1, 1]])", torch.tensor(new long[][] {{0, 3}, {0, 5}}).nonzero().toString());
        assertEquals("tensor([], size=(1, 0), dtype=torch.int64)", torch.tensor(5).nonzero().toString());
        assertEquals("tensor([], size=(0, 1), dtype=torch.int64)", torch.zeros(3).nonzero().toString());
        assertEquals("tensor([[0],\n        [2]])", torch.nonzero(torch.tensor(new boolean[] {true, false, true})).toString());
    }

    @Test
    void where_goldenCases() {
        Tensor x = torch.arange(10);
        assertEquals("tensor([0, 0, 0, 0, 0, 5, 6, 7, 8, 9])", torch.where(x.gt(4), x, torch.zerosLike(x)).toString());
        assertEquals("tensor([[1, 0],\n        [2, 0]])", torch.where(torch.tensor(new boolean[] {true, false}),
                torch.tensor(new long[][] {{1}, {2}}), torch.tensor(0)).toString());
    }
}

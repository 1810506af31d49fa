package jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Tensors and numpy arrays: what copies, what shares, and the texts PyTorch 1.13 prints. */
class NumpyInteropTest {

    private static NDArray g() {
        return np.array(new long[][] {{1, 2, 3}, {4, 5, 6}});
    }

    @Test
    void tensor_copiesArray() {
        NDArray g = g();
        Tensor h = torch.tensor(g);
        g.set(100, 0, 0);
        assertEquals("tensor([[1, 2, 3],\n        [4, 5, 6]])", h.toString());
        assertNotEquals(g.dataPtr(), h.dataPtr());
    }

    @Test
    void tensor_keepsArrayDtypeOrConverts() {
        assertEquals("tensor([1.5000, 2.5000], dtype=torch.float64)",
                torch.tensor(np.array(new double[] {1.5, 2.5})).toString());
        assertEquals("tensor([1., 2.])", torch.tensor(np.array(new long[] {1, 2}), torch.float32).toString());
    }

    @Test
    void fromNumpy_sharesBothWays() {
        NDArray g = g();
        Tensor i = torch.fromNumpy(g);
        g.set(100, 0, 0);
        assertEquals("tensor([[100,   2,   3],\n        [  4,   5,   6]])", i.toString());
        i.impl.storage().setLong(4, 50);
        assertEquals("[[100   2   3]\n [  4  50   6]]", g.toString());
    }

    @Test
    void asTensor_samePointer() {
        NDArray g = g();
        assertEquals(g.dataPtr(), torch.asTensor(g).dataPtr());
        assertSame(g.data(), torch.asTensor(g).impl.storage().array());
    }

    @Test
    void fromNumpy_keepsStrides() {
        Tensor t = torch.fromNumpy(np.arange(6).reshape(2, 3).T());
        assertArrayEquals(new int[] {1, 3}, t.stride());
        assertEquals("tensor([[0, 3],\n        [1, 4],\n        [2, 5]])", t.toString());
    }

    @Test
    void fromNumpy_dtypes() {
        assertEquals("tensor([1.5000, 2.5000])",
                torch.fromNumpy(np.array(new float[] {1.5f, 2.5f}, np.float32)).toString());
        assertEquals("tensor([ True, False])", torch.fromNumpy(np.array(new boolean[] {true, false})).toString());
        assertEquals("tensor([  1, 255], dtype=torch.uint8)",
                torch.fromNumpy(np.array(new long[] {1, 255}, np.uint8)).toString());
        assertEquals("tensor([0.5000], dtype=torch.float16)",
                torch.fromNumpy(np.array(new double[] {0.5}, np.float16)).toString());
        assertEquals("tensor(3., dtype=torch.float64)", torch.fromNumpy(np.array(3.0)).toString());
        assertEquals("tensor([], size=(0, 2), dtype=torch.float64)", torch.fromNumpy(np.zeros(0, 2)).toString());
    }

    @Test
    void numpy_sharesTensorMemory() {
        Tensor h = torch.tensor(new long[][] {{1, 2, 3}, {4, 5, 6}});
        NDArray j = h.numpy();
        h.impl.storage().setLong(0, -1);
        assertEquals("[[-1  2  3]\n [ 4  5  6]]", j.toString());
        assertEquals("dtype('int64')", j.dtype().repr());
    }

    @Test
    void numpy_floatTensorPrintsFloat32() {
        NDArray a = torch.tensor(new double[] {0.1, 0.2}).numpy();
        assertEquals("array([0.1, 0.2], dtype=float32)", a.repr());
        assertEquals("[0.1 0.2]", a.toString());
        assertArrayEquals(new int[] {4}, a.strides());
    }

    @Test
    void numpy_ofTensorRequiringGrad_rejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> torch.tensor(new double[] {1.}, true).numpy());
        assertEquals("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
                e.getMessage());
        assertEquals("array([1.], dtype=float32)", torch.tensor(new double[] {1.}, true).detach().numpy().repr());
    }

    @Test
    void numpy_ofBfloat16_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> torch.zeros(2, torch.bfloat16).numpy());
        assertEquals("Got unsupported ScalarType BFloat16", e.getMessage());
    }

    @Test
    void npArray_ofTensorCopies() {
        Tensor t = torch.tensor(new long[][] {{1, 2}, {3, 4}});
        NDArray a = np.array(t);
        assertEquals("array([[1, 2],\n       [3, 4]])", a.repr());
        t.impl.storage().setLong(0, 9);
        assertEquals(1L, a.get(0, 0));
    }

    @Test
    void fromNumpy_thenViewAndArithmetic() {
        assertEquals("tensor([[0, 1],\n        [2, 3],\n        [4, 5]])", torch.fromNumpy(np.arange(6)).view(3, 2).toString());
        assertEquals("tensor([11, 22])",
                torch.tensor(new long[] {1, 2}).add(torch.fromNumpy(np.array(new long[] {10, 20}))).toString());
    }
}

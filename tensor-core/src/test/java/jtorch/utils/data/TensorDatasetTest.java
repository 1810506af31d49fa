package jtorch.utils.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jtorch.Tensor;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/** TensorDataset as PyTorch's: samples are tuples of rows, mismatched sizes and bad indices are refused. */
class TensorDatasetTest {
    private final Tensor x = torch.arange(10.0).reshape(5, 2);
    private final Tensor y = torch.arange(5);

    @Test
    void get_isTheTupleOfRows() {
        TensorDataset ds = new TensorDataset(x, y);
        assertEquals(5, ds.len());
        assertEquals("(tensor([0., 1.]), tensor(0))", ds.get(0).toString());
        assertEquals("(tensor([8., 9.]), tensor(4))", ds.get(-1).toString());
        assertEquals(2, ds.tensors().size());
    }

    @Test
    void userDataset_isAnImplementationOfDataset() {
        Dataset<Tensor> squares = new Dataset<>() {
            @Override
            public Tensor get(int index) {
                return torch.tensor((long) index * index);
            }

            @Override
            public int len() {
                return 4;
            }
        };
        assertEquals("tensor(9)", squares.get(3).toString());
        assertEquals(4, squares.len());
    }

    @Test
    void sizeMismatch_isRefusedAsInPyTorch() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(x, torch.arange(4)));
        assertEquals("Size mismatch between tensors", e.getMessage());
    }

    @Test
    void indexOutOfRange_isPyTorchsIndexError() {
        var e = assertThrows(IndexOutOfBoundsException.class, () -> new TensorDataset(x, y).get(7));
        assertEquals("index 7 is out of bounds for dimension 0 with size 5", e.getMessage());
    }
}

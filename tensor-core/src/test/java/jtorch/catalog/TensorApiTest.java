package jtorch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jtorch.DType;
import jtorch.PrintOptions;
import jtorch.Size;
import jtorch.Tensor;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/** The public API of torch and Tensor that the op catalog lists as covered here (attributes, settings, legacy constructors). */
class TensorApiTest {

    @Test
    void attributes_ofAView() {
        Tensor x = torch.arange(12).reshape(3, 4);
        Tensor column = x.select(1, 2);
        assertEquals(1, column.dim());
        assertEquals(2, x.ndim());
        assertEquals(2, column.storageOffset());
        assertEquals(10L, column.index(2).longValue());
    }

    @Test
    void legacyConstructors_givePyTorchsDtypes() {
        assertEquals("tensor([0., 0.])", torch.FloatTensor(2).toString());
        assertEquals("tensor([0.], dtype=torch.float64)", torch.DoubleTensor(1).toString());
        assertEquals("tensor([0, 0], dtype=torch.int32)", torch.IntTensor(2).toString());
        assertEquals("tensor([0])", torch.LongTensor(1).toString());
        assertEquals("tensor([1, 2], dtype=torch.uint8)", torch.ByteTensor(new long[] {1, 2}).toString());
        assertEquals("tensor([ True, False])", torch.BoolTensor(new boolean[] {true, false}).toString());
        assertEquals("tensor([1., 2.])", torch.Tensor(new double[] {1, 2}).toString());
        assertEquals(Size.of(2, 3), torch.Size(2, 3));
    }

    @Test
    void dtypeAliases_areTheDtypes() {
        assertEquals(DType.FLOAT16, torch.half);
        assertEquals(DType.FLOAT32, torch.float_);
        assertEquals(DType.INT64, torch.long_);
    }

    @Test
    void emptyAndEmptyLike_haveTheShapeAndDtype() {
        Tensor e = torch.empty(2, 3);
        assertEquals(Size.of(2, 3), e.shape());
        Tensor like = torch.emptyLike(torch.ones(new int[] {4}, DType.INT32));
        assertEquals(Size.of(4), like.shape());
        assertEquals(DType.INT32, like.dtype());
    }

    @Test
    void promotionQueries_answerAsPyTorch() {
        assertEquals(Size.of(2, 3), torch.broadcastShapes(Size.of(2, 1), Size.of(3)));
        assertTrue(torch.canCast(DType.INT32, DType.FLOAT32));
        assertFalse(torch.canCast(DType.FLOAT32, DType.INT32));
        assertEquals(DType.FLOAT32, torch.promoteTypes(DType.INT64, DType.FLOAT32));
        assertEquals(DType.FLOAT32, torch.resultType(torch.tensor(new long[] {1}), 2.5));
    }

    @Test
    void settings_roundTrip() throws Exception {
        DType before = torch.getDefaultDtype();
        try {
            torch.setDefaultDtype(DType.FLOAT64);
            assertEquals(DType.FLOAT64, torch.getDefaultDtype());
        } finally {
            torch.setDefaultDtype(before);
        }
        PrintOptions options = torch.getPrintoptions();
        try {
            torch.setPrintoptions(PrintOptions.defaults().precision(2));
            assertEquals("tensor(0.33)", torch.tensor(1.0 / 3).toString());
        } finally {
            torch.setPrintoptions(options);
        }
        int threads = torch.getNumThreads();
        try {
            torch.setNumThreads(1);
            assertEquals(1, torch.getNumThreads());
        } finally {
            torch.setNumThreads(threads);
        }
    }

    @Test
    void seed_picksAFreshSeedThatInitialSeedReports() {
        long seed = torch.seed();
        assertEquals(seed, torch.initialSeed());
        long next = torch.seed();
        assertNotEquals(seed, next);
        torch.manualSeed(0);
    }
}

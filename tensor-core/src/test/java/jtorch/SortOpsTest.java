package jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * sort/topk/median against PyTorch 1.13.1 (expected texts printed by real PyTorch), including the
 * order of tied elements that PyTorch's unstable CPU algorithms produce.
 */
class SortOpsTest {
    private static final double NAN = Double.NaN;
    /** 30 values with many ties: more than std::sort's insertion-sort threshold of 16. */
    private static final long[] TIES = {3, 1, 3, 1, 2, 3, 1, 1, 1, 2, 3, 3, 1, 2, 2, 0, 3, 1, 2, 2, 1, 3, 0, 0, 2, 1, 1, 3, 2, 1};

    /** 300 values {@code (i * 7) % 5} : ties everywhere, long enough for topk's partial-sort path. */
    private static Tensor longTies() {
        long[] v = new long[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7L) % 5;
        }
        return torch.tensor(v);
    }

    @Test
    void sort_smallAndTwoDimensional() {
        assertEquals("torch.return_types.sort(\nvalues=tensor([1, 2, 3]),\nindices=tensor([1, 2, 0]))", torch.tensor(new long[] {3, 1, 2}).sort().toString());
        Tensor x = torch.tensor(new double[][] {{3, 1}, {2, 4}});
        assertEquals("torch.return_types.sort(\nvalues=tensor([[1., 3.],\n        [2., 4.]]),\nindices=tensor([[1, 0],\n        [0, 1]]))", x.sort().toString());
        assertEquals("torch.return_types.sort(\nvalues=tensor([[3., 4.],\n        [2., 1.]]),\nindices=tensor([[0, 1],\n        [1, 0]]))", x.sort(0, true).toString());
        assertEquals("torch.return_types.sort(\nvalues=tensor(2.),\nindices=tensor(0))", torch.tensor(2.).sort().toString());
        assertEquals("torch.return_types.sort(\nvalues=tensor([], size=(0, 3)),\nindices=tensor([], size=(0, 3), dtype=torch.int64))", torch.zeros(0, 3).sort(0).toString());
        assertEquals("torch.return_types.sort(\nvalues=tensor([False,  True]),\nindices=tensor([1, 0]))", torch.tensor(new boolean[] {true, false}).sort().toString());
    }

    @Test
    void sort_nanIsLargest() {
        Tensor x = torch.tensor(new double[] {3, NAN, 1, Double.NEGATIVE_INFINITY, 2});
        assertEquals("torch.return_types.sort(\nvalues=tensor([-inf, 1., 2., 3., nan]),\nindices=tensor([3, 2, 4, 0, 1]))", x.sort().toString());
        assertEquals("torch.return_types.sort(\nvalues=tensor([nan, 3., 2., 1., -inf]),\nindices=tensor([1, 0, 4, 2, 3]))", x.sort(true).toString());
    }

    @Test
    void sort_tiesFollowPyTorchUnstableOrder() {
        Tensor x = torch.tensor(TIES);
        assertEquals("torch.return_types.sort(\nvalues=tensor([0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3,\n        3, 3, 3, 3, 3, 3]),\nindices=tensor([23, 22, 15, 29, 26, 25, 20, 17, 12,  8,  7,  6,  1,  3,  9, 28, 13, 14,\n        18, 19,  4, 24,  0, 27,  2, 21,  5, 16, 11, 10]))",
                x.sort().toString());
        assertEquals("torch.return_types.sort(\nvalues=tensor([3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1,\n        1, 1, 1, 0, 0, 0]),\nindices=tensor([ 0, 21, 16, 11, 10, 27,  5,  2, 28,  9,  4, 13, 14, 24, 18, 19, 26, 29,\n        25,  1, 20, 17, 12,  8,  7,  6,  3, 22, 23, 15]))",
                x.sort(0, true).toString());
        assertEquals("[70, 205, 95, 210, 90, 215, 85, 220, 80, 225, 230, 100, 235, 65, 240, 60, 245, 55, 250, 50, 255, 45, 125, 150, 155, 145, 160, 140, 165, 135, 170, 130, 175, 75, 180, 120, 185, 115, 190, 110, 195, 105, 200, 0, 15, 270, 30, 285, 290, 10, 35, 265, 295, 20, 5, 280, 275, 260, 40, 25, 23, 203, 113, 188, 278, 43, 283, 108, 193, 98, 18, 103, 198, 133, 148, 153, 298, 3, 143, 158, 138, 163, 293, 183, 168, 8, 128, 173, 123, 178, 288, 13, 118, 78, 238, 63, 58, 33, 233, 68, 243, 268, 263, 228, 73, 38, 53, 223, 248, 48, 93, 208, 258, 88, 253, 213, 273, 83, 218, 28, 251, 261, 156, 246, 161, 166, 151, 241, 256, 296, 1, 206, 276, 211, 201, 216, 196, 281, 271, 191, 221, 291, 186, 226, 286, 181, 231, 176, 266, 236, 171, 41, 26, 131, 31, 126, 36, 101, 66, 121, 71, 46, 116, 61, 106, 51, 111, 56, 141, 86, 6, 146, 81, 11, 91, 96, 16, 76, 136, 21, 224, 234, 79, 69, 64, 239, 44, 219, 229, 59, 84, 244, 74, 274, 149, 4, 294, 9, 289, 14, 284, 19, 279, 24, 54, 29, 269, 34, 264, 39, 259, 299, 254, 49, 249, 169, 139, 99, 199, 194, 164, 134, 109, 189, 104, 129, 114, 184, 214, 174, 119, 179, 124, 144, 159, 154, 94, 209, 204, 89, 127, 27, 272, 172, 292, 147, 297, 2, 32, 267, 152, 7, 287, 132, 277, 22, 167, 157, 142, 257, 282, 17, 137, 162, 12, 227, 62, 237, 102, 67, 232, 202, 97, 72, 197, 207, 92, 77, 222, 212, 82, 217, 87, 187, 122, 37, 262, 182, 42, 117, 47, 252, 177, 112, 52, 247, 192, 107, 57, 242]",
                longTies().sort().indices().tolist().toString());
        assertEquals("[47, 242, 57, 132, 247, 52, 97, 202, 252, 207, 142, 257, 42, 102, 197, 262, 37, 212, 82, 217, 222, 77, 227, 72, 87, 137, 157, 232, 67, 162, 167, 237, 62, 92, 187, 12, 287, 117, 152, 182, 17, 282, 172, 127, 147, 292, 7, 22, 277, 107, 112, 122, 2, 27, 267, 272, 32, 177, 297, 192, 84, 119, 179, 134, 214, 124, 89, 209, 184, 94, 204, 114, 99, 189, 169, 199, 129, 109, 174, 104, 194, 154, 259, 39, 264, 4, 144, 34, 269, 29, 274, 44, 24, 279, 19, 284, 14, 289, 149, 9, 294, 139, 219, 79, 224, 164, 74, 229, 69, 234, 64, 239, 59, 244, 299, 54, 249, 159, 49, 254, 151, 1, 156, 171, 161, 166, 236, 296, 291, 286, 281, 276, 271, 266, 261, 256, 251, 246, 241, 176, 231, 226, 221, 216, 211, 206, 201, 196, 191, 186, 181, 121, 101, 131, 61, 26, 126, 66, 81, 106, 36, 11, 31, 71, 116, 16, 76, 111, 6, 41, 146, 46, 91, 21, 51, 141, 96, 136, 56, 86, 23, 88, 218, 213, 273, 83, 28, 208, 78, 43, 58, 258, 253, 48, 248, 53, 38, 263, 243, 223, 238, 63, 33, 233, 68, 268, 228, 73, 168, 183, 118, 288, 178, 123, 173, 128, 8, 293, 278, 133, 163, 138, 3, 158, 143, 298, 153, 148, 13, 93, 203, 113, 188, 198, 98, 108, 193, 103, 283, 18, 20, 0, 280, 40, 260, 25, 150, 5, 275, 295, 265, 285, 35, 10, 290, 30, 270, 15, 125, 100, 200, 105, 195, 110, 190, 115, 185, 120, 180, 205, 175, 130, 170, 135, 165, 140, 160, 145, 155, 230, 255, 50, 250, 55, 245, 60, 240, 65, 235, 70, 45, 75, 225, 80, 220, 85, 215, 90, 210, 95]",
                longTies().argsort(0, true).tolist().toString());
    }

    @Test
    void topk_tiesFollowPyTorchOrder() {
        Tensor x = torch.tensor(new long[] {3, 1, 3, 1, 2, 3});
        assertEquals("torch.return_types.topk(\nvalues=tensor([3, 3, 3]),\nindices=tensor([5, 0, 2]))", x.topk(3).toString());
        assertEquals("torch.return_types.topk(\nvalues=tensor([1, 1, 2]),\nindices=tensor([1, 3, 4]))", x.topk(3, 0, false).toString());
        assertEquals("torch.return_types.topk(\nvalues=tensor([3, 3]),\nindices=tensor([5, 0]))", x.topk(2, 0, true, false).toString());
        assertEquals("torch.return_types.topk(\nvalues=tensor([3, 3, 3, 3, 3, 3, 3]),\nindices=tensor([ 0, 21, 16, 11, 10, 27,  5]))",
                torch.tensor(TIES).topk(7).toString());
        assertEquals("torch.return_types.topk(\nvalues=tensor([4, 4, 4, 4]),\nindices=tensor([12,  7, 17,  2]))", longTies().topk(4).toString());
        assertEquals("torch.return_types.topk(\nvalues=tensor([0, 0, 0, 0]),\nindices=tensor([10,  5, 15,  0]))",
                longTies().topk(4, 0, false).toString());
        assertEquals("torch.return_types.topk(\nvalues=tensor([nan, 3.]),\nindices=tensor([1, 0]))", torch.tensor(new double[] {3, NAN, 1}).topk(2).toString());
        assertEquals("torch.return_types.topk(\nvalues=tensor([[3., 4., 2.],\n        [2., 1., 0.]]),\nindices=tensor([[0, 1, 0],\n        [1, 0, 1]]))",
                torch.tensor(new double[][] {{3, 1, 2}, {2, 4, 0}}).topk(2, 0).toString());
        assertEquals("torch.return_types.topk(\nvalues=tensor([], dtype=torch.int64),\nindices=tensor([], dtype=torch.int64))", torch.tensor(new long[] {3, 1, 2}).topk(0).toString());
    }

    @Test
    void topk_errors() {
        assertEquals("selected index k out of range",
                assertThrows(IllegalArgumentException.class, () -> torch.tensor(new long[] {3, 1, 2}).topk(4)).getMessage());
        assertEquals("\"topk_cpu\" not implemented for 'Bool'",
                assertThrows(UnsupportedOperationException.class,
                        () -> torch.tensor(new boolean[] {true, false}).topk(1)).getMessage());
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                assertThrows(IndexOutOfBoundsException.class, () -> torch.tensor(new double[] {1, 2}).topk(1, 1))
                        .getMessage());
    }

    @Test
    void median_lowerMedianTiesAndNan() {
        assertEquals("tensor(2.)", torch.tensor(new double[] {4, 1, 3, 2}).median().toString());
        assertEquals("tensor(2)", torch.tensor(new long[] {4, 1, 3, 2}).median().toString());
        assertEquals("tensor(nan)",
                torch.tensor(new double[] {4, NAN, 3, 2}).median().toString());
        assertEquals("tensor(nan)", torch.zeros(0).median().toString());
        assertEquals("torch.return_types.median(\nvalues=tensor(1.),\nindices=tensor(2))", torch.tensor(new double[] {4, 1, 1, 2}).median(0).toString());
        assertEquals("torch.return_types.median(\nvalues=tensor(1.),\nindices=tensor(1))", torch.tensor(new double[] {1, 1, 1, 1}).median(0).toString());
        assertEquals("torch.return_types.median(\nvalues=tensor(nan),\nindices=tensor(1))",
                torch.tensor(new double[] {4, NAN, 3, 2}).median(0).toString());
        assertEquals("torch.return_types.median(\nvalues=tensor([[2],\n        [5]]),\nindices=tensor([[2],\n        [0]]))",
                torch.tensor(new long[][] {{3, 1, 2, 2}, {5, 5, 0, 5}}).median(1, true).toString());
    }

    @Test
    void median_errors() {
        assertEquals("\"median_cpu\" not implemented for 'Bool'",
                assertThrows(UnsupportedOperationException.class,
                        () -> torch.tensor(new boolean[] {true, false}).median()).getMessage());
        assertEquals("\"median_out\" not implemented for 'Half'",
                assertThrows(UnsupportedOperationException.class,
                        () -> torch.tensor(new double[] {1, 2}, torch.float16).median(0)).getMessage());
        assertEquals("median(): Expected reduction dim 0 to have non-zero size.",
                assertThrows(IndexOutOfBoundsException.class, () -> torch.zeros(0, 3).median(0)).getMessage());
    }

    @Test
    void sort_backwardScattersToSourcePositions() {
        Tensor x = torch.tensor(new double[][] {{1, 0, 3}, {2, 2, 5}}, true);
        ValuesIndices s = x.sort(1);
        assertEquals("torch.return_types.sort(\nvalues=tensor([[0., 1., 3.],\n        [2., 2., 5.]], grad_fn=<SortBackward0>),\nindices=tensor([[1, 0, 2],\n        [0, 1, 2]]))", s.toString());
        s.values().mul(torch.tensor(new double[] {1, 2, 3})).sum().backward();
        assertEquals("tensor([[2., 1., 3.],\n        [1., 2., 3.]])",
                x.grad().toString());
        Tensor y = torch.tensor(new double[][] {{1, 0, 3}, {2, 2, 5}}, true);
        ValuesIndices t = y.topk(2);
        assertEquals("torch.return_types.topk(\nvalues=tensor([[3., 1.],\n        [5., 2.]], grad_fn=<TopkBackward0>),\nindices=tensor([[2, 0],\n        [2, 0]]))", t.toString());
        t.values().mul(torch.tensor(new double[] {1, 2})).sum().backward();
        assertEquals("tensor([[2., 0., 1.],\n        [2., 0., 1.]])",
                y.grad().toString());
    }

    @Test
    void median_backward() {
        Tensor x = torch.tensor(new double[] {4, 1, 3, 2, 2}, true);
        Tensor m = x.median();
        assertEquals("tensor(2., grad_fn=<MedianBackward0>)", m.toString());
        m.backward();
        assertEquals("tensor([0.0000, 0.0000, 0.0000, 0.5000, 0.5000])",
                x.grad().toString());
        Tensor y = torch.tensor(new double[][] {{3, 4, 1}}, true);
        ValuesIndices md = y.median(1);
        assertEquals("torch.return_types.median(\nvalues=tensor([3.], grad_fn=<MedianBackward1>),\nindices=tensor([0]))", md.toString());
        md.values().sum().backward();
        assertEquals("tensor([[1., 0., 0.]])",
                y.grad().toString());
    }
}

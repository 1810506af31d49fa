package jtorch;

import static jtorch.GradCheck.check;
import static jtorch.GradCheck.leaf;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Finite-difference checks of the indexing backward formulas, including writes recorded as CopySlices. */
class IndexingGradCheckTest {
    private final Random random = new Random(7);

    @Test
    void index_basicAndAdvanced() {
        Tensor x = leaf(random, -1, 1, 3, 4);
        check("x[1:, ::2]", in -> in[0].index("1:, ::2"), x);
        check("x[:, [0, 2, 2]]", in -> in[0].index(":, [0, 2, 2]"), x);
        check("x[[2, 0], [1, 3]]", in -> in[0].index("[2, 0], [1, 3]"), x);
        check("x[mask]", in -> in[0].index(in[0].detach().gt(0)), x);
        check("x[[0], None, [1, 2]]", in -> in[0].index("[0], None, [1, 2]"), x);
    }

    @Test
    void indexSelect_andMaskedFill() {
        Tensor x = leaf(random, -1, 1, 3, 4);
        check("gather(0)", in -> in[0].gather(0, torch.tensor(new long[][] {{2, 0, 1, 1}, {0, 0, 2, 1}})), x);
        check("index_select(1)", in -> in[0].indexSelect(1, torch.tensor(new long[] {3, 0, 3})), x);
        Tensor value = leaf(new double[] {0.5});
        Tensor mask = x.detach().lt(0);
        check("masked_fill(tensor)", in -> in[0].maskedFill(mask, in[1].reshape()), x, value);
        check("masked_fill(broadcast mask)", in -> in[0].maskedFill(torch.tensor(new boolean[] {true, false, false, true}), 2), x);
    }

    @Test
    void indexPut_basicWrites() {
        Tensor x = leaf(random, -1, 1, 3, 4);
        Tensor row = leaf(random, -1, 1, 1, 4);
        check("y[1] = row", in -> {
            Tensor y = in[0].mul(1);
            y.indexPut_("1", in[1]);
            return y;
        }, x, row);
        Tensor scalar = leaf(new double[] {0.25});
        check("y[:, 1:3] = scalar", in -> {
            Tensor y = in[0].mul(2);
            y.indexPut_(":, 1:3", in[1].reshape());
            return y;
        }, x, scalar);
    }

    @Test
    void indexPut_advancedWrites() {
        Tensor x = leaf(random, -1, 1, 3, 4);
        Tensor v = leaf(random, -1, 1, 2);
        check("y[0, [0, 2]] = v", in -> {
            Tensor y = in[0].mul(1);
            y.indexPut_("0, [0, 2]", in[1]);
            return y;
        }, x, v);
        Tensor col = leaf(random, -1, 1, 3, 1);
        check("y[:, [1, 3]] = col", in -> {
            Tensor y = in[0].mul(1);
            y.indexPut_(":, [1, 3]", in[1]);
            return y;
        }, x, col);
        Tensor acc = leaf(random, -1, 1, 4);
        check("index_put_(accumulate)", in -> {
            Tensor y = in[0].mul(1);
            y.indexPut_(new Tensor[] {torch.tensor(new long[] {2, 0, 2})}, in[1], true);
            return y;
        }, x, acc);
    }
}

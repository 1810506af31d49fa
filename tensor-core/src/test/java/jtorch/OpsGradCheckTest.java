package jtorch;

import static jtorch.GradCheck.check;
import static jtorch.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of indexing, reductions with selection (max/min/median/sort/topk),
 * statistics (prod/std/var/norm/cumsum) and joining/splitting ops. Inputs are drawn without ties
 * so the selecting ops are differentiable at them.
 */
class OpsGradCheckTest {
    private final Random random = new Random(23);

    private Tensor x(int... shape) {
        return leaf(random, -2, 2, shape);
    }

    @Test
    void indexing_basicAndAdvanced() {
        check("index int", in -> in[0].index("1"), x(3, 2));
        check("index slice", in -> in[0].index("1:"), x(4));
        check("index step", in -> in[0].index("::2, 1:"), x(5, 3));
        check("index negative", in -> in[0].index("-1, :"), x(3, 2));
        check("index none ellipsis", in -> in[0].index("None, ..., 0"), x(2, 3));
        check("index list", in -> in[0].index(new int[] {0, 2, 0}), x(3, 2));
        check("index tensor", in -> in[0].index(torch.tensor(new long[] {2, 1})), x(3));
        check("index mask", in -> in[0].index(in[0].detach().gt(0)), leaf(new double[] {1, -1, 2, -2}, 4));
        check("index objects", in -> in[0].index(Slice.all(), 1), x(2, 3));
        check("indexSelect", in -> in[0].indexSelect(1, torch.tensor(new long[] {2, 0, 2})), x(2, 3));
        Tensor mask = torch.tensor(new boolean[] {true, false, true});
        check("maskedFill", in -> in[0].maskedFill(mask, 0.5), x(2, 3));
        check("maskedFill tensor value", in -> in[0].maskedFill(mask, in[1]), x(2, 3), x());
        check("maskedFill_", in -> in[0].mul(1).maskedFill_(mask, -1), x(3));
        check("index ellipsis alias", in -> in[0].index("..."), x(2, 3));
        check("gather", in -> in[0].gather(1, torch.tensor(new long[][] {{0, 0, 2}, {1, 2, 1}})), x(2, 3));
    }

    @Test
    void randomInPlace_givesZeroGradient() {
        check("uniform_", in -> {
            torch.manualSeed(5);
            return in[0].mul(1).uniform_().add(in[0]);
        }, x(3));
        check("normal_", in -> {
            torch.manualSeed(5);
            return in[0].mul(1).normal_().mul(in[0]);
        }, x(3));
    }

    @Test
    void indexPut_onNonLeaves() {
        check("indexPut_ scalar", in -> in[0].mul(1).indexPut_("1:3", 0), x(4));
        check("indexPut_ tensor", in -> {
            Tensor y = in[0].mul(1);
            y.indexPut_("0", in[1].mul(2));
            return y;
        }, x(2, 3), x(3));
        check("indexPut_ mask", in -> {
            Tensor y = in[0].mul(1);
            y.indexPut_(y.detach().gt(0), in[1]);
            return y;
        }, leaf(new double[] {1, -1, 2}, 3), x());
        check("indexPut_ advanced", in -> {
            Tensor y = in[0].mul(1);
            y.indexPut_(new int[] {2, 0}, in[1]);
            return y;
        }, x(3, 2), x(2));
        check("indexPut_ accumulate", in -> {
            Tensor y = in[0].mul(1);
            return y.indexPut_(new Tensor[] {torch.tensor(new long[] {0, 2, 0})}, in[1], true);
        }, x(3), x(3));
    }

    @Test
    void reductions_selectingOps() {
        check("max", in -> in[0].max(), x(2, 3));
        check("min", in -> in[0].min(), x(2, 3));
        check("max dim", in -> in[0].max(1).values(), x(2, 3));
        check("min dim keepdim", in -> in[0].min(0, true).values(), x(2, 3));
        check("amax", in -> in[0].amax(1), x(2, 3));
        check("amin dims", in -> in[0].amin(new int[] {0, 1}, false), x(2, 3));
        check("median", in -> in[0].median(), x(5));
        check("median dim", in -> in[0].median(1).values(), x(2, 5));
        check("sort", in -> in[0].sort().values(), x(2, 4));
        check("sort descending dim 0", in -> in[0].sort(0, true).values(), x(3, 2));
        check("topk", in -> in[0].topk(2).values(), x(2, 4));
        check("topk smallest dim 0", in -> in[0].topk(2, 0, false).values(), x(4, 2));
    }

    @Test
    void reductions_ties_splitLikePyTorch() {
        Tensor a = torch.tensor(new double[] {1, 3, 3}, true);
        a.max().backward();
        assertEquals("tensor([0.0000, 0.5000, 0.5000])", a.grad().toString());
        Tensor b = torch.tensor(new double[] {1, 3, 3}, true);
        b.amax(0).backward();
        assertEquals("tensor([0.0000, 0.5000, 0.5000])", b.grad().toString());
        Tensor c = torch.tensor(new double[] {1, 3, 3}, true);
        c.max(0).values().backward();
        assertEquals("tensor([0., 1., 0.])", c.grad().toString());
    }

    @Test
    void reductions_statistics() {
        check("prod", in -> in[0].prod(), x(2, 3));
        check("prod dim", in -> in[0].prod(1), x(2, 3));
        check("std", in -> in[0].std(), x(2, 3));
        check("std biased", in -> in[0].std(false), x(2, 3));
        check("std dim", in -> in[0].std(1), x(2, 3));
        check("std dim keepdim", in -> in[0].std(0, true, true), x(2, 3));
        check("var", in -> in[0].var(), x(2, 3));
        check("var dims", in -> in[0].var(new int[] {0, 2}, false, false), x(2, 3, 2));
        check("norm", in -> in[0].norm(), x(2, 3));
        check("norm 1", in -> in[0].norm(1), x(5));
        check("norm 3 dim", in -> in[0].norm(3, 1), x(2, 3));
        check("cumsum", in -> in[0].cumsum(0), x(4));
        check("cumsum dim 1", in -> in[0].cumsum(1), x(2, 3));
    }

    @Test
    void prod_withZeros() {
        check("prod one zero", in -> in[0].prod(), leaf(new double[] {2, 0, 3}, 3));
        check("prod two zeros", in -> in[0].prod(), leaf(new double[] {2, 0, 0}, 3));
        check("prod dim with zero", in -> in[0].prod(1), leaf(new double[] {2, 0, 3, 1}, 2, 2));
        check("prod leading dim with zero", in -> in[0].prod(0, true), leaf(new double[] {2, 0, 3, 1}, 2, 2));
    }

    @Test
    void joining_andSplitting() {
        check("cat", in -> torch.cat(List.of(in[0], in[1])), x(2, 3), x(1, 3));
        check("cat dim 1", in -> torch.cat(List.of(in[0], in[1].mul(2), in[0]), 1), x(2, 3), x(2, 1));
        check("stack", in -> torch.stack(List.of(in[0], in[1])), x(3), x(3));
        check("stack dim 1", in -> torch.stack(List.of(in[0], in[1]), 1), x(2, 3), x(2, 3));
        check("chunk", in -> in[0].chunk(2).get(1), x(5, 2));
        check("chunk all", in -> {
            TensorList parts = in[0].chunk(3, 1);
            return parts.get(0).mul(parts.get(2)).add(parts.get(1));
        }, x(2, 3));
        check("split", in -> in[0].split(2).get(2), x(5));
        check("split sizes", in -> in[0].split(new int[] {1, 2}, 1).get(1), x(2, 3));
        check("unbind", in -> in[0].unbind(1).get(1).mul(in[0].unbind(1).get(0)), x(2, 3));
        check("repeat", in -> in[0].repeat(2, 3), x(2));
        check("repeat more dims", in -> in[0].repeat(2, 1, 2), x(2, 3));
    }
}

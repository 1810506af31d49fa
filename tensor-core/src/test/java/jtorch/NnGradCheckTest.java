package jtorch;

import static jtorch.GradCheck.check;
import static jtorch.GradCheck.leaf;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Finite-difference checks of the nn functional ops' backward formulas. */
class NnGradCheckTest {
    private final Random random = new Random(11);

    private Tensor x(int... shape) {
        return leaf(random, -2, 2, shape);
    }

    @Test
    void softmax_everyDim() {
        check("softmax dim 1", in -> nn.functional.softmax(in[0], 1), x(3, 4));
        check("softmax dim 0", in -> nn.functional.softmax(in[0], 0), x(3, 4));
        check("softmax middle dim", in -> in[0].softmax(1), x(2, 3, 2));
        check("softmax 1d", in -> in[0].softmax(-1), x(5));
        check("log_softmax dim 1", in -> nn.functional.logSoftmax(in[0], 1), x(3, 4));
        check("log_softmax dim 0", in -> in[0].logSoftmax(0), x(3, 4));
        check("log_softmax middle dim", in -> in[0].logSoftmax(1), x(2, 3, 2));
    }

    @Test
    void losses_everyReduction() {
        Tensor target = torch.tensor(new long[] {2, 0, 1});
        for (String reduction : new String[] {"mean", "sum", "none"}) {
            check("nll " + reduction, in -> nn.functional.nllLoss(in[0], target, reduction), x(3, 4));
            check("cross_entropy " + reduction, in -> nn.functional.crossEntropy(in[0], target, reduction), x(3, 4));
            check("mse " + reduction, in -> nn.functional.mseLoss(in[0], in[1], reduction), x(2, 3), x(2, 3));
        }
        check("cross_entropy ignore_index", in -> nn.functional.crossEntropy(in[0], torch.tensor(new long[] {2, -100,
            1})), x(3, 4));
        check("cross_entropy 1d", in -> nn.functional.crossEntropy(in[0], torch.tensor(3)), x(4));
        check("cross_entropy k-dim", in -> nn.functional.crossEntropy(in[0],
                torch.tensor(new long[][] {{0, 2}, {1, 1}})), x(2, 3, 2));
        check("cross_entropy probabilities", in -> nn.functional.crossEntropy(in[0], in[1].softmax(1)), x(2, 3),
                x(2, 3));
        check("mse broadcast", in -> nn.functional.mseLoss(in[0], in[1]), x(2, 3), x(3));
    }

    @Test
    void linear_allRanks() {
        check("linear 2d", in -> nn.functional.linear(in[0], in[1], in[2]), x(4, 3), x(2, 3), x(2));
        check("linear no bias", in -> nn.functional.linear(in[0], in[1]), x(4, 3), x(2, 3));
        check("linear 1d", in -> nn.functional.linear(in[0], in[1], in[2]), x(3), x(2, 3), x(2));
        check("linear 3d", in -> nn.functional.linear(in[0], in[1], in[2]), x(2, 4, 3), x(2, 3), x(2));
    }

    @Test
    void mlp_endToEnd() {
        Tensor labels = torch.tensor(new long[] {1, 0, 2, 1});
        check("mlp", in -> nn.functional.crossEntropy(
                nn.functional.linear(nn.functional.linear(in[0], in[1], in[2]).relu(), in[3], in[4]), labels),
                x(4, 3), x(5, 3), x(5), x(3, 5), x(3));
    }
}

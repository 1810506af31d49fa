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

    @Test
    void conv2d_everyOption() {
        check("conv2d", in -> nn.functional.conv2d(in[0], in[1], in[2]), x(2, 3, 5, 4), x(4, 3, 3, 2), x(4));
        check("conv2d stride padding", in -> nn.functional.conv2d(in[0], in[1], in[2], 2, 1), x(1, 2, 6, 5),
                x(3, 2, 3, 3), x(3));
        check("conv2d dilation groups", in -> nn.functional.conv2d(in[0], in[1], in[2], new int[] {1, 2},
                new int[] {2, 1}, new int[] {2, 1}, 2), x(2, 4, 6, 7), x(4, 2, 2, 3), x(4));
        check("conv2d same", in -> nn.functional.conv2d(in[0], in[1], null, 1, "same"), x(1, 2, 5, 4), x(2, 2, 4, 3));
        check("conv2d 1x1 unbatched", in -> nn.functional.conv2d(in[0], in[1]), x(3, 4, 4), x(2, 3, 1, 1));
    }

    @Test
    void maxPool2d_everyOption() {
        check("max_pool2d", in -> nn.functional.maxPool2d(in[0], 2), x(2, 2, 4, 5));
        check("max_pool2d overlapping padded ceil", in -> nn.functional.maxPool2d(in[0], 3, 2, 1, 1, true),
                x(1, 2, 6, 7));
        check("max_pool2d dilation unbatched", in -> nn.functional.maxPool2d(in[0], new int[] {2, 2},
                new int[] {1, 2}, new int[] {0, 1}, new int[] {2, 1}, false), x(2, 6, 5));
    }

    @Test
    void normalization_trainingAndEvaluation() {
        check("batch_norm training", in -> nn.functional.batchNorm(in[0], null, null, in[1], in[2], true),
                x(4, 3, 2, 2), x(3), x(3));
        check("batch_norm training 2d", in -> nn.functional.batchNorm(in[0], null, null, in[1], in[2], true),
                x(5, 3), x(3), x(3));
        Tensor mean = leaf(random, -1, 1, 3).detach();
        Tensor var = leaf(random, 0.5, 2, 3).detach();
        check("batch_norm evaluation", in -> nn.functional.batchNorm(in[0], mean, var, in[1], in[2], false),
                x(2, 3, 4), x(3), x(3));
        check("batch_norm no affine", in -> nn.functional.batchNorm(in[0], null, null, null, null, true), x(3, 2, 3));
        check("layer_norm", in -> nn.functional.layerNorm(in[0], new int[] {3, 4}, in[1], in[2]), x(2, 3, 4),
                x(3, 4), x(3, 4));
        check("layer_norm no affine", in -> nn.functional.layerNorm(in[0], new int[] {20}), x(3, 20));
    }

    @Test
    void embedding_rowsOfTheWeight() {
        Tensor indices = torch.tensor(new long[][] {{0, 2, 2}, {3, 0, 1}});
        check("embedding", in -> nn.functional.embedding(indices, in[0]), x(4, 3));
    }
}

package jtorch;

import static jtorch.GradCheck.check;
import static jtorch.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Finite-difference checks of the backward formulas of arithmetic, pointwise, view, reduction and linalg ops. */
class CoreGradCheckTest {
    private final Random random = new Random(7);

    private Tensor x(int... shape) {
        return leaf(random, -2, 2, shape);
    }

    private Tensor positive(int... shape) {
        return leaf(random, 0.5, 2.5, shape);
    }

    @Test
    void arithmetic_broadcastOperands() {
        check("add", in -> in[0].add(in[1]), x(2, 3), x(3));
        check("add alpha", in -> in[0].add(in[1], 2.5), x(2, 1), x(1, 3));
        check("add scalar", in -> in[0].add(3), x(2, 3));
        check("sub", in -> in[0].sub(in[1]), x(4), x(2, 4));
        check("sub alpha", in -> in[0].sub(in[1], 3), x(3), x(3));
        check("rsub scalar", in -> in[0].rsub(10), x(3));
        check("rsub tensor", in -> in[0].rsub(in[1]), x(2, 3), x(3));
        check("mul", in -> in[0].mul(in[1]), x(2, 3), x(2, 1));
        check("mul self", in -> in[0].mul(in[0]), x(5));
        check("mul scalar", in -> torch.mul(2, in[0]), x(2, 2));
        check("div", in -> in[0].div(in[1]), x(2, 3), positive(3));
        check("atan2", in -> torch.atan2(in[0], in[1]), x(2, 3), positive(3));
        check("atan2_ through a clone", in -> in[0].clone().atan2_(in[1]), x(3), positive(3));
        check("div scalar", in -> in[0].div(4), x(3));
        check("rdiv", in -> torch.div(1, in[0]), positive(3));
        check("neg", in -> in[0].neg(), x(3, 2));
        check("remainder", in -> in[0].remainder(in[1]), leaf(new double[] {5.3, -3.7, 7.1}, 3),
                leaf(new double[] {2.1, 1.9, -2.3}, 3));
        check("remainder scalar", in -> in[0].remainder(2), leaf(new double[] {5.3, -3.7, 7.1}, 3));
    }

    @Test
    void arithmetic_roundedDivisionHasZeroGradient() {
        Tensor a = leaf(new double[] {5.3, -3.7}, 2);
        Tensor b = leaf(new double[] {2.1, 1.9}, 2);
        Tensor y = a.div(b, "floor");
        assertEquals("DivBackward2", y.gradFn().name());
        y.sum().backward();
        assertEquals("tensor([0., 0.], dtype=torch.float64)", a.grad().toString());
        assertEquals("tensor([0., 0.], dtype=torch.float64)", b.grad().toString());
    }

    @Test
    void pow_bothForms() {
        check("pow scalar", in -> in[0].pow(3), x(2, 3));
        check("pow fractional", in -> in[0].pow(0.5), positive(4));
        check("pow negative", in -> in[0].pow(-2), positive(4));
        check("pow tensor", in -> in[0].pow(in[1]), positive(2, 3), x(3));
        check("pow scalar base", in -> torch.pow(2, in[0]), x(4));
        check("pow tensor base broadcast", in -> in[0].pow(in[1]), positive(3), x(2, 1));
    }

    @Test
    void pow_zeroExponentAtZeroBaseGivesZeroGradient() {
        Tensor base = leaf(new double[] {0, 2}, 2);
        Tensor exponent = leaf(new double[] {0, 0}, 2);
        base.pow(exponent).sum().backward();
        assertEquals("tensor([0., 0.], dtype=torch.float64)", base.grad().toString());
        Tensor b2 = leaf(new double[] {0, 2}, 2);
        b2.pow(0).sum().backward();
        assertEquals("tensor([0., 0.], dtype=torch.float64)", b2.grad().toString());
    }

    @Test
    void pointwise_unaryOps() {
        check("exp", in -> in[0].exp(), x(2, 3));
        check("log", in -> in[0].log(), positive(2, 3));
        check("sqrt", in -> in[0].sqrt(), positive(5));
        check("reciprocal", in -> in[0].reciprocal(), positive(5));
        check("abs", in -> in[0].abs(), leaf(new double[] {-1.5, 0.5, 2}, 3));
        check("relu", in -> in[0].relu(), leaf(new double[] {-1.5, 0.5, 2, -0.1}, 4));
        check("sigmoid", in -> in[0].sigmoid(), x(2, 3));
        check("tanh", in -> in[0].tanh(), x(2, 3));
        check("clamp", in -> in[0].clamp(-0.5, 0.7), leaf(new double[] {-1.5, 0.5, 2, -0.1, 0.3}, 5));
        check("clampMin", in -> in[0].clampMin(0), leaf(new double[] {-1.5, 0.5, 2}, 3));
        check("clampMax", in -> in[0].clampMax(0), leaf(new double[] {-1.5, 0.5, 2}, 3));
        check("sign", in -> in[0].sign().add(in[0]), leaf(new double[] {-1.5, 0.5, 2}, 3));
    }

    @Test
    void views_shapeOps() {
        check("view", in -> in[0].view(3, 2).mul(in[0].view(3, 2)), x(2, 3));
        check("view -1", in -> in[0].view(-1), x(2, 3));
        check("reshape alias", in -> in[0].reshape(6), x(2, 3));
        check("reshape copy", in -> in[0].t().reshape(6), x(2, 3));
        check("flatten", in -> in[0].flatten(1), x(2, 3, 2));
        check("squeeze", in -> in[0].squeeze(), x(1, 3, 1));
        check("squeeze dim", in -> in[0].squeeze(0), x(1, 3));
        check("unsqueeze", in -> in[0].unsqueeze(1), x(2, 3));
        check("transpose", in -> in[0].transpose(0, 2), x(2, 3, 4));
        check("t", in -> in[0].t(), x(2, 3));
        check("T", in -> in[0].T(), x(2, 3, 2));
        check("permute", in -> in[0].permute(2, 0, 1), x(2, 3, 4));
        check("expand", in -> in[0].expand(2, 3, 4), x(3, 1));
        check("expandAs", in -> in[0].expandAs(torch.zeros(2, 3)), x(1, 3));
        check("narrow", in -> in[0].narrow(1, 1, 2), x(2, 4));
        check("select", in -> in[0].select(1, -1), x(2, 4));
        check("select twice", in -> in[0].select(0, 1).add(in[0].select(0, 1)), x(3, 2));
        check("contiguous", in -> in[0].t().contiguous(), x(2, 3));
        check("clone", in -> in[0].clone(), x(2, 3));
    }

    @Test
    void reductions_sumAndMean() {
        check("sum", in -> in[0].sum(), x(2, 3));
        check("sum dim", in -> in[0].sum(1), x(2, 3));
        check("sum negative dim keepdim", in -> in[0].sum(-1, true), x(2, 3));
        check("sum dims", in -> in[0].sum(new int[] {0, 2}, false), x(2, 3, 4));
        check("sum dtype", in -> in[0].sum(DType.FLOAT64), x(3));
        check("mean", in -> in[0].mean(), x(2, 3));
        check("mean dim", in -> in[0].mean(0), x(2, 3));
        check("mean dim keepdim", in -> in[0].mean(1, true), x(2, 3));
        check("mean dims", in -> in[0].mean(new int[] {0, 1}, true), x(2, 3, 2));
    }

    @Test
    void linalg_products() {
        check("mm", in -> in[0].mm(in[1]), x(2, 3), x(3, 4));
        check("mm transposed", in -> in[0].t().mm(in[1].t()), x(3, 2), x(4, 3));
        check("bmm", in -> in[0].bmm(in[1]), x(2, 2, 3), x(2, 3, 2));
        check("dot", in -> in[0].dot(in[1]), x(4), x(4));
        check("matmul 1d 1d", in -> in[0].matmul(in[1]), x(3), x(3));
        check("matmul 2d 1d", in -> in[0].matmul(in[1]), x(2, 3), x(3));
        check("matmul 1d 2d", in -> in[0].matmul(in[1]), x(3), x(3, 2));
        check("matmul 2d 2d", in -> in[0].matmul(in[1]), x(2, 3), x(3, 2));
        check("matmul batched", in -> in[0].matmul(in[1]), x(2, 2, 3), x(2, 3, 2));
        check("matmul batched broadcast", in -> in[0].matmul(in[1]), x(2, 1, 2, 3), x(3, 3, 2));
        check("matmul 3d 1d", in -> in[0].matmul(in[1]), x(2, 2, 3), x(3));
        check("matmul 1d 3d", in -> in[0].matmul(in[1]), x(3), x(2, 3, 2));
    }

    @Test
    void copies_whereAndConversions() {
        Tensor cond = torch.tensor(new boolean[] {true, false, true});
        check("where", in -> torch.where(cond, in[0], in[1]), x(3), x(2, 3));
        check("where scalar", in -> torch.where(cond, in[0], 0.5), x(3));
        check("to same dtype", in -> in[0].to(DType.FLOAT64).mul(2), x(3));
        Tensor a = leaf(new double[] {1, 2, 3}, 3);
        a.toFloat().mul(torch.tensor(new double[] {1, 10, 100})).sum().backward();
        assertEquals("tensor([  1.,  10., 100.], dtype=torch.float64)", a.grad().toString());
    }

    @Test
    void inplace_onNonLeaves() {
        check("add_", in -> in[0].mul(1).add_(in[1]), x(2, 3), x(3));
        check("sub_", in -> in[0].mul(1).sub_(in[1]), x(2, 3), x(3));
        check("mul_", in -> in[0].mul(1).mul_(in[1]), x(2, 3), x(3));
        check("div_", in -> in[0].mul(1).div_(in[1]), x(2, 3), positive(3));
        check("mul_ self twice", in -> in[0].mul(1).mul_(in[0]).mul_(2), x(4));
        check("copy_", in -> torch.zeros(new int[] {2, 3}, DType.FLOAT64).copy_(in[0]).mul(in[1]), x(3), x(2, 3));
        check("fill_", in -> in[0].mul(1).fill_(2).mul(in[0]), x(3));
        check("zero_", in -> in[0].mul(1).zero_().add(in[0]), x(3));
    }

    @Test
    void inplace_throughViewsRebasesTheBase() {
        check("view mul_", in -> {
            Tensor y = in[0].mul(1);
            y.narrow(0, 0, 2).mul_(3);
            return y;
        }, x(3));
        check("view add_ other", in -> {
            Tensor y = in[0].mul(1);
            y.select(1, 0).add_(in[1]);
            return y.mul(y);
        }, x(2, 3), x(2));
        check("view copy_", in -> {
            Tensor y = in[0].mul(1);
            y.select(0, 1).copy_(in[1].mul(2));
            return y;
        }, x(3, 2), x(2));
        check("write into a plain buffer", in -> {
            Tensor buffer = torch.zeros(new int[] {2, 3}, DType.FLOAT64);
            buffer.select(0, 0).copy_(in[0]);
            buffer.select(0, 1).add_(in[0].exp());
            return buffer;
        }, x(3));
        check("modified view read after", in -> {
            Tensor y = in[0].mul(1);
            Tensor v = y.narrow(0, 1, 2);
            v.mul_(in[1]);
            return v.add(y.sum());
        }, x(3), x(2));
    }
}

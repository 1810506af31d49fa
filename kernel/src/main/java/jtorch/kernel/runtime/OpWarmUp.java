package jtorch.kernel.runtime;

import java.util.ArrayList;
import java.util.List;
import jtorch.Tensor;
import jtorch.torch;

/**
 * The op paths notebook cells use most, run on small deterministic inputs so that the JIT has
 * compiled them before the user's first heavy cell: a matmul whose depth spans several GEMM
 * blocks, elementwise ops and reductions over a large float tensor, the course's scalar autograd,
 * and a tensor repr. No training step: its transposed and narrow GEMMs make C2 recompile the
 * GEMM micro-kernel into a form that boxes its vectors, 100x slower for every later large matmul
 * (tensor-core's GEMM is being reworked for this).
 *
 * <p>Each piece is short (a few milliseconds once compiled) because a cell waits for the piece in
 * flight ({@link IdleWork}). Pieces use no random numbers and change no setting a cell can see.
 */
public final class OpWarmUp {
    private OpWarmUp() {}

    /** {@code rounds} rounds of pieces, each round one piece per op family. */
    public static List<Runnable> pieces(int rounds) {
        List<Runnable> pieces = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            pieces.add(OpWarmUp::blockedMatmul);
            pieces.add(OpWarmUp::elementwise);
            pieces.add(OpWarmUp::scalarAutograd);
            if (i % 8 == 0) {
                pieces.add(OpWarmUp::repr);
            }
        }
        return pieces;
    }

    private static Tensor ramp(int rows, int cols, double scale) {
        return torch.linspace(-scale, scale, rows * cols).view(rows, cols);
    }

    private static void blockedMatmul() {
        ramp(64, 512, 1).matmul(ramp(512, 128, 1)).sum();
    }

    private static void elementwise() {
        Tensor x = ramp(256, 256, 2);
        x.exp().sum();
        x.mul(x).add(1).div(3).sub(x).relu().mean();
        x.pow(2).sum(1);
    }

    private static void scalarAutograd() {
        for (int i = 0; i < 20; i++) {
            Tensor x1 = torch.tensor(1.0, true);
            Tensor x2 = torch.tensor(2.0, true);
            Tensor y = x1.add(torch.mul(2, x2));
            y.backward();
            x1.grad().data();
        }
    }

    private static void repr() {
        ramp(30, 30, 1).toString();
    }
}

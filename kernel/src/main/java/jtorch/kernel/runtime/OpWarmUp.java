package jtorch.kernel.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import jtorch.Tensor;
import jtorch.nn;
import jtorch.optim;
import jtorch.torch;

/**
 * The op paths notebook cells use most, run on deterministic inputs so that the JIT has compiled
 * them before the user's first heavy cell: MLP training steps at a tutorial's shapes (linear, relu,
 * cross-entropy, backward, SGD), a matmul whose depth spans several GEMM blocks, elementwise ops
 * and reductions over a large float tensor, the course's scalar autograd, and a tensor repr.
 *
 * <p>A training loop's methods reach C2 only after hundreds of steps: HotSpot compiles a method at
 * tier 4 after ~5000 calls, or ~15000 calls and loop iterations together, so a method called ten
 * times a step needs ~500 steps. Rounds until the JIT falls quiet stop long before that (counters
 * climbing between thresholds leave the JIT idle), and the training cell then paid C2's compiles in
 * its first runs; so the warm-up runs at least {@link #TRAINING_STEPS} steps.
 *
 * <p>Each piece is short (a few milliseconds once compiled) because a cell waits for the piece in
 * flight ({@link IdleWork}). Pieces use no random numbers and change no setting a cell can see.
 */
public final class OpWarmUp {
    /** Environment variable: {@code 0} (or {@code false}, {@code no}) leaves the op warm-up out. */
    public static final String SWITCH = "JTORCH_WARMUP";
    /** Training steps in one round, each a piece of its own. */
    static final int STEPS_PER_ROUND = 4;
    /** Training steps the warm-up runs at least: those a loop's methods need to reach C2. */
    static final int TRAINING_STEPS = 600;
    /** Rounds {@link #untilQuiet} runs at least, and the quiet round ends in a row that end it. */
    static final int MIN_ROUNDS = TRAINING_STEPS / STEPS_PER_ROUND;
    static final int QUIET_ROUNDS = 3;

    private OpWarmUp() {}

    /** {@code rounds} rounds of pieces (as in {@link #untilQuiet}, without its minimum or its quiet rule). */
    public static Iterable<Runnable> pieces(int rounds) {
        return untilQuiet(rounds, () -> false);
    }

    /**
     * Rounds of pieces until the JIT has had nothing left to compile ({@code jitIdle}, asked after
     * each round) at the end of {@link #QUIET_ROUNDS} rounds in a row, at least {@link #MIN_ROUNDS}
     * and at most {@code maxRounds}: then these inputs compile nothing more, and further rounds
     * would only take CPU from the cells. For one thread, which runs each piece before it asks for
     * the next.
     */
    public static Iterable<Runnable> untilQuiet(int maxRounds, BooleanSupplier jitIdle) {
        return () -> new Iterator<>() {
            private final Mlp mlp = new Mlp();
            private Iterator<Runnable> round = Collections.emptyIterator();
            private int rounds;
            private int quiet;
            private boolean released;

            @Override
            public boolean hasNext() {
                if (round.hasNext() || released) {
                    return round.hasNext();
                }
                if (rounds > 0) {
                    quiet = jitIdle.getAsBoolean() ? quiet + 1 : 0;
                }
                if (rounds < maxRounds && (rounds < MIN_ROUNDS || quiet < QUIET_ROUNDS)) {
                    round = round(mlp, rounds++).iterator();
                } else {
                    released = true;
                    round = List.<Runnable>of(mlp::release).iterator();
                }
                return true;
            }

            @Override
            public Runnable next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return round.next();
            }
        };
    }

    /** Round {@code i}: {@link #STEPS_PER_ROUND} training steps, then one piece per other op family. */
    private static List<Runnable> round(Mlp mlp, int i) {
        List<Runnable> pieces = new ArrayList<>(Collections.nCopies(STEPS_PER_ROUND, mlp::step));
        pieces.add(OpWarmUp::blockedMatmul);
        pieces.add(OpWarmUp::elementwise);
        pieces.add(OpWarmUp::scalarAutograd);
        if (i % 8 == 0) {
            pieces.add(OpWarmUp::repr);
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

    /**
     * A 784-256-10 MLP on one batch of 64 (MNIST's inputs and PyTorch's tutorials' batch; the width
     * of the kernel bench's MLP cell), trained in place; made by its first step (in a piece).
     */
    private static final class Mlp {
        private static final int BATCH = 64;
        private static final int HIDDEN = 256;
        private Tensor x;
        private Tensor labels;
        private Tensor w1;
        private Tensor b1;
        private Tensor w2;
        private Tensor b2;
        private optim.SGD sgd;

        /** Drops the tensors, so that the warm-up leaves nothing behind on the heap. */
        void release() {
            x = labels = w1 = b1 = w2 = b2 = null;
            sgd = null;
        }

        void step() {
            if (sgd == null) {
                x = ramp(BATCH, 784, 1);
                labels = torch.arange(0, BATCH).remainder(10);
                w1 = ramp(HIDDEN, 784, 0.05).requiresGrad_();
                b1 = torch.linspace(-0.05, 0.05, HIDDEN).requiresGrad_();
                w2 = ramp(10, HIDDEN, 0.05).requiresGrad_();
                b2 = torch.linspace(-0.05, 0.05, 10).requiresGrad_();
                sgd = new optim.SGD(List.of(w1, b1, w2, b2), 0.01);
            }
            sgd.zeroGrad();
            Tensor hidden = nn.functional.relu(nn.functional.linear(x, w1, b1));
            nn.functional.crossEntropy(nn.functional.linear(hidden, w2, b2), labels).backward();
            sgd.step();
        }
    }
}

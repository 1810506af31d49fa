package jtorch.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link AvxMath}'s Box-Muller: the vector kernel's lanes give the scalar code's bits. */
class AvxMathTest {
    @Test
    void boxMuller16Blocks_vectorGroups_sameBitsAsBlockByBlock() throws InterruptedException {
        assumeTrue(Kernels.VECTOR && Kernels.awaitVector(120_000), "no compiled vector kernels here");
        assumeTrue(Kernels.vectorBoxMullerBlocks() > 0);
        SplittableRandom random = new SplittableRandom(3);
        // float uniforms in [0, 1) as the generator makes them, and the edges: 0 (log of 1), the
        // largest float below 1 (log of the smallest step), around the log's sqrt(1/2) split
        float[] edges = {0f, Math.nextDown(1f), 0.5f, 1f - 0.70710677f, 1f - 0.7071068f, 0x1p-24f, 0.25f, 0.75f};
        int blocks = 4099;
        float[] vector = new float[16 * blocks];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = i % 97 < edges.length ? edges[i % 97] : (random.nextInt(1 << 24) * 0x1p-24f);
        }
        float[] scalar = vector.clone();
        // long calls first, as randn of millions makes them: C2 then compiles the whole loop with its
        // intrinsics (where two scatters into one array once lost the first)
        float[] large = new float[1 << 20];
        for (int round = 0; round < 60; round++) {
            java.util.Arrays.fill(large, 0.375f);
            AvxMath.boxMuller16Blocks(large, 0, large.length / 16, 0f, 1f);
        }
        AvxMath.boxMuller16Blocks(vector, 0, blocks, 0.25f, 1.5f);
        for (int b = 0; b < blocks; b++) {
            AvxMath.boxMuller16(scalar, 16 * b, 0.25f, 1.5f);
        }
        for (int i = 0; i < vector.length; i++) {
            assertEquals(Float.floatToRawIntBits(scalar[i]), Float.floatToRawIntBits(vector[i]), "element " + i);
        }
    }
}

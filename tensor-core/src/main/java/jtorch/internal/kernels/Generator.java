package jtorch.internal.kernels;

import java.security.SecureRandom;

/**
 * PyTorch's CPU random generator ({@code CPUGeneratorImpl}): a 32-bit Mersenne Twister
 * (mt19937) seeded from the low 32 bits of the seed, plus the cached second Box-Muller sample of
 * the scalar normal sampler, so that after {@code torch.manualSeed(s)} the same calls draw the
 * same numbers as PyTorch.
 *
 * <p>Invariants: {@code state} holds the 624 words of the twister and {@code next} is the index
 * of the next word to temper (624 means "regenerate first"); {@link #manualSeed} resets the
 * normal caches together with the twister, as PyTorch's {@code set_current_seed} does. Not
 * thread-safe: callers draw from one thread, as a notebook does.
 */
public final class Generator {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    /** The process-wide generator behind {@code torch.rand} and friends. */
    private static final Generator DEFAULT = new Generator(new SecureRandom().nextLong());

    private final int[] state = new int[N];
    private int next;
    private long seed;
    private Double nextDoubleNormal;

    public Generator(long seed) {
        manualSeed(seed);
    }

    public static Generator getDefault() {
        return DEFAULT;
    }

    /** Reseeds the twister and forgets cached normal samples ({@code manual_seed}). */
    public void manualSeed(long newSeed) {
        seed = newSeed;
        nextDoubleNormal = null;
        state[0] = (int) newSeed;
        for (int j = 1; j < N; j++) {
            int prev = state[j - 1];
            state[j] = 1812433253 * (prev ^ (prev >>> 30)) + j;
        }
        next = N;
    }

    /** The seed last set, as {@code initial_seed()} (unsigned in PyTorch). */
    /** {@code torch.seed()}: reseeds non-deterministically; returns the new seed. */
    public long seedRandomly() {
        long s = new SecureRandom().nextLong();
        manualSeed(s);
        return s;
    }

    public long initialSeed() {
        return seed;
    }

    /** The next 32 random bits, as an unsigned value ({@code random()}). */
    public long random() {
        if (next >= N) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** 64 random bits from two draws, the first one high ({@code random64()}). */
    public long random64() {
        long hi = random();
        long lo = random();
        return (hi << 32) | lo;
    }

    /** A float in [0, 1) from the low 24 bits of one draw ({@code uniform_real_distribution<float>}). */
    public float nextFloat() {
        return (random() & 0xffffff) * 0x1p-24f;
    }

    /** A double in [0, 1) from the low 53 bits of a 64-bit draw ({@code uniform_real_distribution<double>}). */
    public double nextDouble() {
        return (random64() & 0x1fffffffffffffL) * 0x1p-53;
    }

    /**
     * A standard normal sample by Box-Muller in double precision, returning the cosine branch and
     * caching the sine branch for the next call ({@code normal_distribution<double>}).
     */
    public double nextNormal() {
        if (nextDoubleNormal != null) {
            double cached = nextDoubleNormal;
            nextDoubleNormal = null;
            return cached;
        }
        double u1 = nextDouble();
        double u2 = nextDouble();
        double r = Math.sqrt(-2.0 * Math.log1p(-u2));
        double theta = 2.0 * Math.PI * u1;
        nextDoubleNormal = r * Math.sin(theta);
        return r * Math.cos(theta);
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & UPPER_MASK) | (state[(k + 1) % N] & LOWER_MASK);
            state[k] = state[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        next = 0;
    }
}

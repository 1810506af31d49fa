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
        return temper(state[next++]) & 0xffffffffL;
    }

    private static int temper(int y) {
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
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
     * {@code n} draws of {@link #nextDouble} in order into {@code out} from index {@code at}: the
     * same numbers, with the twister's words read in a loop rather than a call each.
     */
    public void nextDoubles(double[] out, int at, int n) {
        int k = 0;
        while (k < n) {
            if (next > N - 2) {
                // a draw across a twist, one word before and one after
                out[at + k++] = nextDouble();
                continue;
            }
            int i = next;
            int end = Math.min(n, k + (N - i) / 2);
            for (; k < end; k++, i += 2) {
                long hi = temper(state[i]) & 0xffffffffL;
                long lo = temper(state[i + 1]) & 0xffffffffL;
                out[at + k] = (((hi << 32) | lo) & 0x1fffffffffffffL) * 0x1p-53;
            }
            next = i;
        }
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

    /**
     * The next {@code N} words: word {@code k} from words {@code k}, {@code k + 1} and {@code k + M}
     * (indices mod {@code N}, the later ones already new), in three stretches so that no index
     * wraps inside a loop.
     */
    private void twist() {
        int k = 0;
        for (; k < N - M; k++) {
            state[k] = mix(state[k + M], state[k], state[k + 1]);
        }
        for (; k < N - 1; k++) {
            state[k] = mix(state[k + M - N], state[k], state[k + 1]);
        }
        state[N - 1] = mix(state[M - 1], state[N - 1], state[0]);
        next = 0;
    }

    /** One twisted word: {@code far} xor the upper bit of {@code word} joined to {@code following}'s lower bits, times A. */
    private static int mix(int far, int word, int following) {
        int y = (word & UPPER_MASK) | (following & LOWER_MASK);
        return far ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }
}

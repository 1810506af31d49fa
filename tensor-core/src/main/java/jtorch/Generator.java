package jtorch;

/**
 * {@code torch.Generator()}: a random number generator of its own, for samplers and data loaders
 * that must not disturb the default one; the same Mersenne Twister as PyTorch's CPU generator, so
 * a seeded generator draws PyTorch's numbers.
 */
public final class Generator {
    /** PyTorch's seed of a new generator ({@code default_rng_seed_val}). */
    public static final long DEFAULT_SEED = 67280421310721L;

    final jtorch.internal.kernels.Generator impl;

    /** {@code torch.Generator()}: seeded with PyTorch's default seed. */
    public Generator() {
        impl = new jtorch.internal.kernels.Generator(DEFAULT_SEED);
    }

    /** {@code g.manual_seed(seed)}; returns this generator. */
    public Generator manualSeed(long seed) {
        impl.manualSeed(seed);
        return this;
    }

    /** {@code g.initial_seed()}. */
    public long initialSeed() {
        return impl.initialSeed();
    }

    /** {@code g.seed()}: reseeds from a non-deterministic source and returns the new seed. */
    public long seed() {
        return impl.seedRandomly();
    }

    @Override
    public String toString() {
        return "<torch._C.Generator object>";
    }
}

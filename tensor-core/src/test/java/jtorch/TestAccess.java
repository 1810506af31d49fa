package jtorch;

import jtorch.internal.tensor.TensorImpl;

/** Lets tests of the internal layers move between a public {@link Tensor} and its {@link TensorImpl}. */
public final class TestAccess {
    private TestAccess() {}

    /** The tensor behind the facade. */
    public static TensorImpl impl(Tensor t) {
        return t.impl;
    }

    /** The facade of a tensor. */
    public static Tensor of(TensorImpl impl) {
        return Tensor.of(impl);
    }
}

package jtorch.internal.kernels;

import jtorch.internal.shape.Layout;
import jtorch.internal.storage.Storage;

/**
 * What a kernel sees of a tensor operand: a typed storage and the layout of the elements in it.
 * Kernels read and write through these two only, so they know nothing of autograd or of the
 * tensor classes that implement this interface.
 */
public interface Strided {
    Storage storage();

    Layout layout();
}

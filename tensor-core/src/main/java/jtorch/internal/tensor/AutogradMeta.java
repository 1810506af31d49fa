package jtorch.internal.tensor;

/**
 * The autograd state a tensor carries, as seen from the tensor layer (PyTorch's
 * {@code AutogradMetaInterface}): the autograd layer implements it and keeps grad_fn, grad and
 * the leaf flags there; a tensor without autograd state has none.
 */
public interface AutogradMeta {
    /** Whether gradients flow to or through the tensor. */
    boolean requiresGrad();
}

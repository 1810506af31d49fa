/**
 * The tensor itself: {@link jtorch.internal.tensor.TensorImpl} holds a typed storage, one frozen
 * layout into it, the view base and an opaque autograd state; {@code jtorch.Tensor} is its public
 * facade (one facade object per tensor). Java numbers become 0-d "wrapped number" tensors here
 * ({@link jtorch.internal.tensor.Scalars}), and user-level objects reaching the internals untyped
 * are unwrapped through {@link jtorch.internal.tensor.Facades}. Invariants are in
 * {@code TensorImpl}'s class comment. May call: {@code dtype}, {@code storage}, {@code shape},
 * {@code kernels}.
 */
package jtorch.internal.tensor;

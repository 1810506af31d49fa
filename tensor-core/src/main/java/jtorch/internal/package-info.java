/**
 * The implementation of tensor-core, in layers; nothing here is public API (the javadoc and the
 * kernel's completion skip this package tree). A layer may call the layers below it and the
 * public value types of {@code jtorch} ({@code DType}, {@code Size}, ...), never a layer above
 * and never the facades ({@code torch}, {@code Tensor}, {@code nn}, {@code optim}, {@code np}).
 *
 * <p>From the bottom: {@code dtype} (casts, promotion, the default dtype), {@code storage}
 * (typed flat storages shared by views), {@code shape} (shape arithmetic), {@code kernels} (loops
 * over arrays, vectorised and split over threads), {@code format} (Python's float texts), and
 * above them the tensor, autograd and op layers that the facades delegate to.
 */
package jtorch.internal;

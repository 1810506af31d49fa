/**
 * The implementation of tensor-core, in layers; nothing here is public API (the kernel's
 * {@code ?} help covers only the public package). A layer may call the layers below it and the
 * public value types of {@code jtorch} ({@code DType}, {@code Size}, {@code PrintOptions},
 * {@code Slice}, {@code OrderedDict}, {@code Device}), never a layer above and never the facades
 * ({@code torch}, {@code Tensor}, {@code nn}, {@code optim}, {@code np});
 * {@code jtorch.architecture.LayersTest} checks this.
 *
 * <p>From the bottom: {@code dtype} (casts, promotion, the default dtype), {@code storage}
 * (typed flat storages shared by views), {@code shape} (layouts and shape arithmetic),
 * {@code kernels} (loops over arrays, vectorised and split over threads), {@code tensor} (the
 * tensor: storage + layout + autograd state), {@code autograd} (graph, engine, grad mode),
 * {@code ops} (one unit per op: forward and derivative formulas), {@code format} (printing and
 * Python's float texts) and {@code interop} (Java arrays, buffers, file formats). The facades in
 * {@code jtorch} delegate to {@code ops}, {@code format} and {@code interop}.
 */
package jtorch.internal;

/**
 * Loops over primitive arrays: the float/double kernels with Vector API twins
 * ({@link jtorch.internal.kernels.Kernels}), the one worker pool
 * ({@link jtorch.internal.kernels.Parallel}), cooperative cancellation
 * ({@link jtorch.internal.kernels.Cancellation}), PyTorch-exact sorting and randn math. No tensor
 * type appears in a signature: a kernel takes arrays, offsets, strides and counts. Every loop
 * that can run long checks for cancellation once per chunk. May call: {@code dtype},
 * {@code storage}, {@code shape}.
 */
package jtorch.internal.kernels;

/**
 * Exchanging tensors with the world outside tensor-core: Java arrays and NIO buffers (shared or
 * copied), Java values ({@code item()}, {@code tolist()}), numpy arrays ({@code NumpyArray}, the
 * data behind {@code jtorch.NDArray}; {@code NumpyData}, {@code np.array} and its factories),
 * {@code torch.save}/{@code torch.load}. May call every layer below it, including {@code ops} and
 * {@code format}.
 */
package jtorch.internal.interop;

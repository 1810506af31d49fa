/**
 * Element types beyond the public {@link jtorch.DType} value: C++-style casts and c10's overflow
 * checks ({@link jtorch.internal.dtype.Casts}), float16/bfloat16 bit conversions, PyTorch's
 * {@code result_type} ({@link jtorch.internal.dtype.ResultType}) and the process-wide default
 * dtype. The lowest layer: it uses only {@code jtorch.DType} and the JDK.
 */
package jtorch.internal.dtype;

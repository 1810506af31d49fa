/**
 * Printing: a tensor's {@code repr} as PyTorch's {@code _tensor_str}
 * ({@link jtorch.internal.format.TensorFormatter}, {@link jtorch.internal.format.ValueFormatter}),
 * numpy's {@code str}/{@code repr} of arrays ({@link jtorch.internal.format.NumpyFormat}), the
 * current print options, and Python's texts of numbers: {@code repr(float)} with the
 * shortest round-trip digits (exact on every JDK, not relying on {@code Double.toString}) and
 * {@code '{:.Nf}'} / {@code '{:.Ne}'} rounding of the exact binary value
 * ({@link jtorch.internal.format.PythonFloatFormat}). That float repr is the only one in the
 * project: tensor printing, numpy printing, optimizer reprs, the kernel's rendering and the golden
 * harness all call it. May call: {@code dtype}, {@code tensor}, {@code autograd} (grad_fn names).
 */
package jtorch.internal.format;

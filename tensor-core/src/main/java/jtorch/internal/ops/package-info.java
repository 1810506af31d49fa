/**
 * The ops, one class per op family ({@link jtorch.internal.ops.Arithmetic},
 * {@link jtorch.internal.ops.Views}, {@link jtorch.internal.ops.Reductions}, ...). An op is one
 * static method holding its whole unit: argument checks and promotion, the kernel call (or a view
 * of the input's storage), and the recording of its derivative formulas
 * ({@link jtorch.internal.autograd.FormulaNode}) next to the forward. An op's arithmetic is defined
 * once and shared by its out-of-place, in-place and {@code out=} forms. Ops take and return
 * {@link jtorch.internal.tensor.TensorImpl}s; formulas call other ops, never the facades.
 * May call: every layer below ({@code dtype}, {@code storage}, {@code shape}, {@code kernels},
 * {@code tensor}, {@code autograd}).
 */
package jtorch.internal.ops;

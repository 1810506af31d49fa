/**
 * Reverse-mode automatic differentiation: graph nodes ({@link jtorch.internal.autograd.Node}),
 * the one backward style of ops ({@link jtorch.internal.autograd.FormulaNode}, derivative formulas
 * as PyTorch's derivatives.yaml, any number of inputs) and the structural nodes
 * ({@link jtorch.internal.autograd.AccumulateGrad}, {@link jtorch.internal.autograd.CopySlices}),
 * saved tensors with version checks, the engine, grad mode, and a tensor's autograd state with
 * the history rewrites of in-place ops ({@link jtorch.internal.autograd.Autograd}). The engine
 * does its own gradient arithmetic on kernels ({@link jtorch.internal.autograd.Grads}); derivative
 * formulas, written in the op layer, run with grad mode off. May call: {@code dtype},
 * {@code storage}, {@code shape}, {@code kernels}, {@code tensor}.
 */
package jtorch.internal.autograd;

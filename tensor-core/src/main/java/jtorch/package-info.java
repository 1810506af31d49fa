/**
 * PyTorch-style tensors with autograd in pure Java.
 *
 * <p>The public API is a small facade named like PyTorch, camelCased: {@link jtorch.torch} (the
 * {@code torch} namespace: dtypes, factories, functional ops, grad mode), {@link jtorch.Tensor},
 * {@link jtorch.DType}, {@link jtorch.Size}, {@link jtorch.PrintOptions}, {@link jtorch.TensorList},
 * {@code nn}, {@code optim} and a tiny {@code np}. {@code Tensor} and {@code torch} are tables of
 * one-statement delegates; the implementation lives in the layers of {@code jtorch.internal}
 * (dtype, storage, shape, kernels, tensor, autograd, ops, format, interop), which are not API.
 *
 * <p>A walk through the course's first lesson:
 * <pre>{@code
 * import jtorch.*;
 *
 * Tensor a = torch.tensor(1.0, torch.float32);          // tensor(1.)
 * Tensor b = torch.tensor(1, torch.int8);               // tensor(1, dtype=torch.int8)
 * Tensor o = torch.ones(2, 3).add(torch.arange(6).view(2, 3));
 * o.index(":, 1");                                      // tensor([2., 5.])
 * o.view(-1, 2).shape();                                // torch.Size([3, 2])
 *
 * Tensor x1 = torch.tensor(1.0, true);                  // requires_grad=True
 * Tensor x2 = torch.tensor(2.0, true);
 * Tensor y = x1.add(torch.mul(2, x2));                  // tensor(5., grad_fn=<AddBackward0>)
 * y.backward();
 * x2.grad();                                            // tensor(2.)
 * }</pre>
 *
 * <p>{@code toString()} of a tensor is exactly PyTorch 1.13's {@code repr}; errors carry
 * PyTorch's messages in unchecked exceptions ({@code IllegalArgumentException} for bad
 * arguments, {@code IndexOutOfBoundsException} for Python's IndexError, {@code
 * IllegalStateException} for autograd state). Long kernels check {@link jtorch.Interrupts} so a
 * host can cancel them; hot float kernels use the Vector API when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}.
 */
package jtorch;

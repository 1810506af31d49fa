/**
 * Shape arithmetic on plain {@code int[]} sizes and strides: dimension wrapping with PyTorch's
 * messages, contiguous strides, broadcasting, view legality ({@code computeStride}) and the
 * shapes of reductions. Pure functions; the arrays passed in are never modified. May call
 * nothing but the JDK and {@code jtorch} value types.
 */
package jtorch.internal.shape;

package jtorch.internal.shape;

import java.util.Arrays;

/** Shape arithmetic shared by every op: dimension wrapping, strides, broadcasting, view legality. */
public final class Shapes {
    private Shapes() {}

    /** Wraps a possibly negative dimension into {@code [0, ndim)}, with PyTorch's IndexError text. */
    public static int wrapDim(int dim, int ndim) {
        int n = Math.max(ndim, 1);
        if (dim < -n || dim >= n) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of ["
                    + (-n) + ", " + (n - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + n : dim;
    }

    /** A copy of requested sizes, each checked non-negative with PyTorch's message. */
    public static int[] checkedSizes(int... dims) {
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException(
                        "Trying to create tensor with negative dimension " + d + ": " + Arrays.toString(dims));
            }
        }
        return dims.clone();
    }

    public static int numel(int[] sizes) {
        long n = 1;
        for (int s : sizes) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a tensor of " + n + " elements (shape " + Arrays.toString(sizes)
                    + ") is larger than the largest supported tensor (" + Integer.MAX_VALUE + " elements)");
        }
        return (int) n;
    }

    public static int[] contiguousStrides(int[] sizes) {
        int[] strides = new int[sizes.length];
        int s = 1;
        for (int i = sizes.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(sizes[i], 1);
        }
        return strides;
    }

    public static boolean isContiguous(int[] sizes, int[] strides) {
        for (int s : sizes) {
            if (s == 0) {
                return true; // a tensor without elements is contiguous, whatever its strides
            }
        }
        int expected = 1;
        for (int i = sizes.length - 1; i >= 0; i--) {
            if (sizes[i] != 1) {
                if (strides[i] != expected) {
                    return false;
                }
                expected *= sizes[i];
            }
        }
        return true;
    }

    /** The broadcast shape of two shapes, with PyTorch's message naming tensors a and b. */
    public static int[] broadcast(int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return a.clone();
        }
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int ia = i - n + a.length;
            int ib = i - n + b.length;
            int sa = ia >= 0 ? a[ia] : 1;
            int sb = ib >= 0 ? b[ib] : 1;
            if (sa != sb && sa != 1 && sb != 1) {
                throw new IllegalArgumentException("The size of tensor a (" + sa
                        + ") must match the size of tensor b (" + sb + ") at non-singleton dimension " + i);
            }
            out[i] = sa == 1 ? sb : sa;
        }
        return out;
    }

    /** {@code torch.broadcast_shapes}: the broadcast of all shapes, with PyTorch's message. */
    public static int[] broadcastAll(int[]... shapes) {
        int[] out = new int[0];
        try {
            for (int[] s : shapes) {
                out = broadcast(out, s);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Shape mismatch: objects cannot be broadcast to a single shape", e);
        }
        return out;
    }

    /** Strides that read a tensor of {@code sizes}/{@code strides} as the larger {@code target} shape. */
    public static int[] expandStrides(int[] sizes, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int off = target.length - sizes.length;
        for (int i = 0; i < target.length; i++) {
            int j = i - off;
            if (j < 0 || sizes[j] == 1 && target[i] != 1) {
                out[i] = 0;
            } else {
                out[i] = strides[j];
            }
        }
        return out;
    }

    /** Resolves one {@code -1} in a requested shape, with PyTorch's "shape '[..]' is invalid" message. */
    public static int[] inferSize(int[] shape, int numel) {
        int[] res = shape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < res.length; i++) {
            if (res[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("only one dimension can be inferred");
                }
                infer = i;
            } else if (res[i] < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + res[i]);
            } else {
                known *= res[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw invalidShape(shape, numel);
            }
            res[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw invalidShape(shape, numel);
        }
        return res;
    }

    private static IllegalArgumentException invalidShape(int[] shape, int numel) {
        return new IllegalArgumentException("shape '" + Arrays.toString(shape).replace(" ", " ")
                + "' is invalid for input of size " + numel);
    }

    /**
     * Strides for viewing {@code oldSizes}/{@code oldStrides} as {@code newSizes} without copying,
     * or null when some new dimension would span two non-contiguous chunks (ATen's computeStride).
     */
    public static int[] viewStrides(int[] oldSizes, int[] oldStrides, int[] newSizes) {
        int[] newStrides = new int[newSizes.length];
        if (numel(oldSizes) == 0 || oldSizes.length == 0) {
            return contiguousStrides(newSizes);
        }
        int viewD = newSizes.length - 1;
        long chunkBase = oldStrides.length == 0 ? 1 : oldStrides[oldStrides.length - 1];
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = oldSizes.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldSizes[tensorD];
            if (tensorD == 0 || (oldSizes[tensorD - 1] != 1
                    && oldStrides[tensorD - 1] != tensorNumel * chunkBase)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newSizes[viewD] == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= newSizes[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (tensorD > 0) {
                    chunkBase = oldStrides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        if (viewD != -1) {
            return null;
        }
        return newStrides;
    }

    /** PyTorch's message when a tensor cannot be expanded (or assigned) to a target shape. */
    public static String expandError(int[] tensorSizes, int[] target) {
        int off = target.length - tensorSizes.length;
        for (int i = target.length - 1; i >= 0; i--) {
            int j = i - off;
            int existing = j >= 0 ? tensorSizes[j] : 1;
            if (existing != 1 && existing != target[i]) {
                return "The expanded size of the tensor (" + target[i] + ") must match the existing size ("
                        + existing + ") at non-singleton dimension " + i + ".  Target sizes: "
                        + Arrays.toString(target) + ".  Tensor sizes: " + Arrays.toString(tensorSizes);
            }
        }
        return "The expanded size of the tensor must match the existing size. Target sizes: "
                + Arrays.toString(target) + ".  Tensor sizes: " + Arrays.toString(tensorSizes);
    }
}

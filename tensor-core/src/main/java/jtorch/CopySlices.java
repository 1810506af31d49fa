package jtorch;

import jtorch.internal.storage.Storage;

/**
 * The history of a base tensor after an in-place op wrote through one of its views, PyTorch's
 * {@code CopySlices}: {@code y[0:2].mul_(3)} makes {@code y.grad_fn} a CopySlices wrapping the
 * op's node ({@code MulBackward0}), and the view's grad_fn an {@link ViewBackward}
 * ({@code AsStridedBackward0}) that reads the view's region out of the base's new history.
 *
 * <p>Backward: the base's gradient is the incoming gradient with the view's region replaced by
 * the op's gradient for the view's old values; the op's other inputs get the op's gradients for
 * the region. Geometry is kept as sizes/strides/offsets, so a gradient buffer laid out like the
 * base (same strides, offset 0) holds the view's region at the view's strides and relative offset.
 */
final class CopySlices extends Node {
    private final Geometry geometry;
    private final Node fn;

    /** {@code fn}'s input 0 is the view's old value; its other inputs keep their edges. */
    CopySlices(Tensor base, Tensor view, Node fn) {
        super(edges(base, fn));
        this.geometry = new Geometry(base, view);
        this.fn = fn;
    }

    private static Node[] edges(Tensor base, Node fn) {
        Node[] edges = fn.next.length == 0 ? new Node[1] : fn.next.clone();
        edges[0] = Node.edgeOf(base);
        return edges;
    }

    @Override
    public String name() {
        return "CopySlices";
    }

    @Override
    Tensor[] apply(Tensor grad) {
        Tensor result = geometry.baseBuffer();
        Copy.copyInto(result, grad);
        Tensor region = geometry.region(result);
        Tensor[] fnGrads = fn.apply(region.contiguousCopy());
        Tensor[] out = new Tensor[next.length];
        if (needsGrad(0)) {
            Tensor old = fnGrads != null && fnGrads.length > 0 ? fnGrads[0] : null;
            Copy.copyInto(region, old != null ? old : Scalars.wrap(0));
            out[0] = result;
        }
        for (int i = 1; i < out.length; i++) {
            out[i] = fnGrads != null && i < fnGrads.length ? fnGrads[i] : null;
        }
        return out;
    }

    @Override
    void release() {
        super.release();
        fn.release();
    }

    /** A view's grad_fn after its base was rebased: scatters the view's gradient into the base. */
    static final class ViewBackward extends Node {
        private final Geometry geometry;

        ViewBackward(Tensor base, Tensor view) {
            super(base);
            this.geometry = new Geometry(base, view);
        }

        @Override
        public String name() {
            return "AsStridedBackward0";
        }

        @Override
        Tensor[] apply(Tensor grad) {
            Tensor result = geometry.baseBuffer();
            Copy.copyInto(geometry.region(result), grad);
            return new Tensor[] {result};
        }
    }

    /** Where a view sits inside its base's storage. */
    private static final class Geometry {
        private final DType dtype;
        private final int[] baseSizes;
        private final int[] baseStrides;
        private final int extent;
        private final int[] viewSizes;
        private final int[] viewStrides;
        private final int viewOffset;

        Geometry(Tensor base, Tensor view) {
            this.dtype = base.dtype;
            this.baseSizes = base.sizes;
            this.baseStrides = base.strides;
            int last = 0;
            for (int i = 0; i < baseSizes.length; i++) {
                if (baseSizes[i] == 0) {
                    last = -1;
                    break;
                }
                last += (baseSizes[i] - 1) * baseStrides[i];
            }
            this.extent = last + 1;
            this.viewSizes = view.sizes;
            this.viewStrides = view.strides;
            this.viewOffset = view.offset - base.offset;
        }

        /** Zeros laid out like the base, starting at offset 0 of a fresh storage. */
        Tensor baseBuffer() {
            return new Tensor(Storage.allocate(dtype, extent), 0, baseSizes, baseStrides, null);
        }

        /** The view's elements inside a buffer made by {@link #baseBuffer()}. */
        Tensor region(Tensor buffer) {
            return buffer.asStrided(viewSizes, viewStrides, viewOffset);
        }
    }
}

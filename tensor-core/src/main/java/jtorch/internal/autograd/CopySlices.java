package jtorch.internal.autograd;

import jtorch.internal.kernels.StridedCopy;
import jtorch.internal.shape.Layout;
import jtorch.internal.storage.Storage;
import jtorch.internal.tensor.Scalars;
import jtorch.internal.tensor.TensorImpl;

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
    CopySlices(TensorImpl base, TensorImpl view, Node fn) {
        super(edges(base, fn));
        this.geometry = new Geometry(base, view);
        this.fn = fn;
    }

    private static Node[] edges(TensorImpl base, Node fn) {
        Node[] edges = fn.next.length == 0 ? new Node[1] : fn.next.clone();
        edges[0] = Node.edgeOf(base);
        return edges;
    }

    @Override
    public String name() {
        return "CopySlices";
    }

    @Override
    TensorImpl[] apply(TensorImpl grad) {
        TensorImpl result = geometry.baseBuffer();
        StridedCopy.copyInto(result, grad);
        TensorImpl region = geometry.region(result);
        TensorImpl[] fnGrads = fn.apply(region.contiguousCopy());
        TensorImpl[] out = new TensorImpl[next.length];
        if (needsGrad(0)) {
            TensorImpl old = fnGrads != null && fnGrads.length > 0 ? fnGrads[0] : null;
            StridedCopy.copyInto(region, old != null ? old : Scalars.wrap(0));
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

        ViewBackward(TensorImpl base, TensorImpl view) {
            super(base);
            this.geometry = new Geometry(base, view);
        }

        @Override
        public String name() {
            return "AsStridedBackward0";
        }

        @Override
        TensorImpl[] apply(TensorImpl grad) {
            TensorImpl result = geometry.baseBuffer();
            StridedCopy.copyInto(geometry.region(result), grad);
            return new TensorImpl[] {result};
        }
    }

    /**
     * Where a view sits inside its base's storage: the base's layout moved to offset 0, and the
     * view's layout relative to it.
     */
    private static final class Geometry {
        private final jtorch.DType dtype;
        private final Layout base;
        private final Layout view;

        Geometry(TensorImpl base, TensorImpl view) {
            this.dtype = base.dtype();
            Layout b = base.layout();
            Layout v = view.layout();
            this.base = Layout.of(b.sizes(), b.strides(), 0);
            this.view = Layout.of(v.sizes(), v.strides(), v.offset() - b.offset());
        }

        /** Zeros laid out like the base, starting at offset 0 of a fresh storage. */
        TensorImpl baseBuffer() {
            return new TensorImpl(Storage.allocate(dtype, base.extent()), base, null);
        }

        /** The view's elements inside a buffer made by {@link #baseBuffer()}. */
        TensorImpl region(TensorImpl buffer) {
            return new TensorImpl(buffer.storage(), view, buffer);
        }
    }
}

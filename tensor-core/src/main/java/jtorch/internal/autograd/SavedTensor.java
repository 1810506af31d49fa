package jtorch.internal.autograd;

import jtorch.internal.dtype.TypeNames;
import jtorch.internal.tensor.TensorImpl;

/**
 * A tensor kept by a {@link Node} for its backward formula, with the storage version it had when
 * saved: PyTorch's {@code SavedVariable}. Unpacking after the graph was freed, or after an
 * in-place write bumped the version, raises PyTorch's errors.
 *
 * <p>The tensor itself is kept (not a copy), so the error can name its current {@code grad_fn}
 * as PyTorch does; backward formulas run with grad mode off, so using it records nothing.
 */
final class SavedTensor {
    private TensorImpl tensor;
    private final int version;
    /** The node whose output this is (saved with {@link Node#saveOutput}), or null for an input. */
    private final Node outputOf;

    SavedTensor(TensorImpl tensor, Node outputOf) {
        this.tensor = tensor;
        this.version = tensor.storage().version();
        this.outputOf = outputOf;
    }

    TensorImpl unpack() {
        TensorImpl t = tensor;
        if (t == null) {
            throw new IllegalStateException("Trying to backward through the graph a second time (or directly access"
                    + " saved tensors after they have already been freed). Saved intermediate values of the graph are"
                    + " freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to"
                    + " backward through the graph a second time or if you need to access saved tensors after calling"
                    + " backward.");
        }
        int now = t.storage().version();
        if (now != version) {
            Node producer = outputOf != null ? outputOf : Autograd.gradFn(t);
            String which = producer != null ? ", which is output 0 of " + producer.name() + "," : "";
            throw new IllegalStateException("one of the variables needed for gradient computation has been modified"
                    + " by an inplace operation: [" + TypeNames.inMessages(t.dtype()) + " "
                    + java.util.Arrays.toString(t.sizes()) + "]"
                    + which + " is at version " + now + "; expected version " + version + " instead. Hint: enable"
                    + " anomaly detection to find the operation that failed to compute its gradient, with"
                    + " torch.autograd.set_detect_anomaly(True).");
        }
        return t;
    }

    void free() {
        tensor = null;
    }
}

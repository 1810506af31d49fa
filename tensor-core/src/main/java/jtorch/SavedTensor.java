package jtorch;

/**
 * A tensor kept by a {@link Node} for its backward formula, with the storage version it had when
 * saved. Unpacking after the graph was freed, or after an in-place write bumped the version,
 * raises PyTorch's errors.
 */
final class SavedTensor {
    private Tensor tensor;
    private final int version;
    private final Node outputOf;
    private boolean freed;

    /** Saves {@code tensor}; {@code producer} is the node that computed it, or null for a leaf. */
    SavedTensor(Tensor tensor, Node producer) {
        this.tensor = tensor.detachAlias();
        this.version = tensor.storage.version();
        this.outputOf = producer;
    }

    Tensor unpack() {
        if (freed) {
            throw new IllegalStateException("Trying to backward through the graph a second time (or directly access"
                    + " saved tensors after they have already been freed). Saved intermediate values of the graph are"
                    + " freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to"
                    + " backward through the graph a second time or if you need to access saved tensors after calling"
                    + " backward.");
        }
        int now = tensor.storage.version();
        if (now != version) {
            String which = outputOf != null ? ", which is output 0 of " + outputOf.name() + "," : "";
            throw new IllegalStateException("one of the variables needed for gradient computation has been modified"
                    + " by an inplace operation: [" + tensor.dtype().tensorTypeName() + " "
                    + tensor.shape().toList() + "]" + which + " is at version " + now
                    + "; expected version " + version + " instead. Hint: enable anomaly detection to find the"
                    + " operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).");
        }
        return tensor;
    }

    void free() {
        freed = true;
        tensor = null;
    }
}

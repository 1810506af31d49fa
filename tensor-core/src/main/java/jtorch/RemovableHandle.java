package jtorch;

/**
 * What {@code register_hook} returns (PyTorch's {@code torch.utils.hooks.RemovableHandle}):
 * {@code remove()} unregisters the hook; removing twice does nothing.
 */
public final class RemovableHandle {
    private final Runnable removal;

    RemovableHandle(Runnable removal) {
        this.removal = removal;
    }

    /** Unregisters the hook, as {@code handle.remove()}. */
    public void remove() {
        removal.run();
    }

    /** Python's repr without the address. */
    @Override
    public String toString() {
        return "<torch.utils.hooks.RemovableHandle object>";
    }
}

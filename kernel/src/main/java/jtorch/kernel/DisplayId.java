package jtorch.kernel;

import java.util.Objects;

/**
 * The handle {@link Notebook#display(Object)} returns, for {@link Notebook#updateDisplay}. Like
 * IPython's {@code display()} returning {@code None}, a cell ending in {@code display(x)} shows
 * only the display, not this handle.
 */
public final class DisplayId {
    private final String id;

    DisplayId(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The Jupyter display_id. */
    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DisplayId && ((DisplayId) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}

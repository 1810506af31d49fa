package jtorch.internal.tensor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Finds the tensor inside a user-level object that reached the internals untyped (an item of a
 * {@code torch.tensor(List)} argument or of an index tuple), without the internals naming the
 * public classes: each public tensor type registers how to unwrap itself when its class loads,
 * which is necessarily before any of its objects exists.
 */
public final class Unwrap {
    private static final List<Function<Object, TensorImpl>> UNWRAPPERS = new CopyOnWriteArrayList<>();

    private Unwrap() {}

    /** Registers a function giving the tensor of an object of one public type, or null for other objects. */
    public static void register(Function<Object, TensorImpl> unwrapper) {
        UNWRAPPERS.add(unwrapper);
    }

    /** The tensor {@code o} is or wraps, or null when it is no tensor. */
    public static TensorImpl tensor(Object o) {
        if (o instanceof TensorImpl || o == null) {
            return (TensorImpl) o;
        }
        for (Function<Object, TensorImpl> f : UNWRAPPERS) {
            TensorImpl t = f.apply(o);
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}

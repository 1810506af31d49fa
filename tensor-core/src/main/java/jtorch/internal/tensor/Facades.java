package jtorch.internal.tensor;

import java.util.function.Function;

/**
 * The bridge between tensors and their public facade objects for internal code that meets
 * user-level objects untyped (an item of a {@code torch.tensor(List)} argument or of an index
 * tuple, a state dict being saved) or must hand tensors back inside such structures (a loaded
 * file), without naming the public classes. The public tensor class registers both directions
 * when it loads, which is necessarily before any of its objects exists.
 */
public final class Facades {
    private static volatile Function<Object, TensorImpl> unwrapper = o -> null;
    private static volatile Function<TensorImpl, Object> wrapper;

    private Facades() {}

    /** Registers how to find the tensor of a facade object and how to make the facade of a tensor. */
    public static void register(Function<Object, TensorImpl> unwrap, Function<TensorImpl, Object> wrap) {
        unwrapper = unwrap;
        wrapper = wrap;
    }

    /** The tensor {@code o} is or wraps, or null when it is no tensor. */
    public static TensorImpl tensor(Object o) {
        if (o instanceof TensorImpl || o == null) {
            return (TensorImpl) o;
        }
        return unwrapper.apply(o);
    }

    /** The public object of {@code t} (its existing facade, or a new one). */
    public static Object facade(TensorImpl t) {
        Object f = t.facade();
        if (f != null) {
            return f;
        }
        if (wrapper == null) {
            throw new IllegalStateException("no public tensor class registered");
        }
        return wrapper.apply(t);
    }
}

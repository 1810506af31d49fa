package jtorch.internal.interop;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.DType;
import jtorch.OrderedDict;
import jtorch.Size;
import jtorch.internal.autograd.Grads;
import jtorch.internal.tensor.Facades;
import jtorch.internal.tensor.TensorImpl;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.Pickler;

/**
 * Writes a Java value as the {@code data.pkl} of PyTorch's format (pickle protocol 2, as
 * torch.save writes it): a tensor becomes {@code torch._utils._rebuild_tensor_v2(storage, 0, size,
 * stride, requires_grad, OrderedDict())} whose storage is a persistent id
 * {@code ('storage', torch.FloatStorage, key, 'cpu', numel)} naming the record {@code data/<key>}
 * that holds its elements. Each tensor gets its own contiguous storage (one per tensor object:
 * the same tensor twice is stored once). {@link OrderedDict} is pickled as
 * {@code collections.OrderedDict}, other maps as dicts, lists as lists, {@link Size} as
 * {@code torch.Size}, dtypes as {@code torch.float32} and so on.
 */
final class PickleWriter {
    /** A reference to a Python global, pickled as {@code GLOBAL module name}. */
    private record Global(String module, String name) {
    }

    /** {@code function(*args)}, pickled as the function, the argument tuple and {@code REDUCE}. */
    private record Call(Global function, Object[] args) {
    }

    /** A storage record, pickled as a persistent id. */
    private record StorageRef(String key, DType dtype, int numel) {
    }

    private static final Global ORDERED_DICT = new Global("collections", "OrderedDict");
    private static final Global REBUILD_TENSOR = new Global("torch._utils", "_rebuild_tensor_v2");

    static {
        Pickler.registerCustomPickler(Global.class, (o, out, pickler) -> {
            Global g = (Global) o;
            out.write(Opcodes.GLOBAL);
            out.write((g.module() + "\n" + g.name() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        Pickler.registerCustomPickler(Call.class, (o, out, pickler) -> {
            Call c = (Call) o;
            pickler.save(c.function());
            pickler.save(c.args());
            out.write(Opcodes.REDUCE);
        });
    }

    private final Map<String, byte[]> storages = new LinkedHashMap<>();
    private final Map<TensorImpl, StorageRef> stored = new IdentityHashMap<>();

    /** The pickle of {@code value}; the storages it refers to are then in {@link #storages()}. */
    byte[] pickle(Object value) throws IOException {
        Pickler pickler = new Pickler(true, false) {
            @Override
            protected Object persistentId(Object o) {
                if (o instanceof StorageRef s) {
                    return new Object[] {"storage", new Global("torch", StorageBytes.CLASS_NAMES.get(s.dtype())),
                        s.key(), "cpu", s.numel()};
                }
                return null;
            }
        };
        return pickler.dumps(python(value));
    }

    /** The storage records by name ({@code data/0}, ...), in the order their tensors were met. */
    Map<String, byte[]> storages() {
        return storages;
    }

    /** The value as the objects that pickle to PyTorch's: tensors as rebuild calls, and so on. */
    private Object python(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        TensorImpl t = Facades.tensor(value);
        if (t != null) {
            return tensor(t);
        }
        if (value instanceof DType d) {
            return new Global("torch", d.toString().substring("torch.".length()));
        }
        if (value instanceof Size s) {
            return new Call(new Global("torch", "Size"), new Object[] {tuple(s.toList())});
        }
        if (value instanceof OrderedDict<?, ?> dict) {
            List<Object> items = new ArrayList<>();
            dict.forEach((k, v) -> items.add(new Object[] {python(k), python(v)}));
            return new Call(ORDERED_DICT, new Object[] {items});
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(python(k), python(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(python(v)));
            return out;
        }
        throw new IllegalArgumentException("torch.save cannot store a " + value.getClass().getName()
                + ": it stores tensors, state dicts (OrderedDict), Map, List, Size, dtypes, strings, numbers,"
                + " booleans and null");
    }

    private Call tensor(TensorImpl t) {
        StorageRef ref = stored.get(t);
        if (ref == null) {
            ref = new StorageRef(String.valueOf(storages.size()), t.dtype(), t.numel());
            storages.put("data/" + ref.key(), StorageBytes.encode(t, ByteOrder.LITTLE_ENDIAN));
            stored.put(t, ref);
        }
        int[] size = t.sizes();
        int[] stride = new int[size.length];
        for (int d = size.length - 1, step = 1; d >= 0; d--) {
            stride[d] = step;
            step *= size[d];
        }
        return new Call(REBUILD_TENSOR, new Object[] {ref, 0, tuple(toList(size)), tuple(toList(stride)),
            Grads.needed(t), new Call(ORDERED_DICT, new Object[0])});
    }

    private static List<Integer> toList(int[] values) {
        List<Integer> out = new ArrayList<>();
        for (int v : values) {
            out.add(v);
        }
        return out;
    }

    private static Object[] tuple(List<Integer> values) {
        return values.toArray();
    }
}

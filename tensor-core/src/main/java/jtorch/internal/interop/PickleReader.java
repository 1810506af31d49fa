package jtorch.internal.interop;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jtorch.DType;
import jtorch.OrderedDict;
import jtorch.Size;
import jtorch.internal.autograd.Autograd;
import jtorch.internal.tensor.Facades;
import jtorch.internal.tensor.TensorImpl;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Reads the {@code data.pkl} of a PyTorch file back into Java values: tensors (views of their
 * storage records with the saved layout, so tensors saved as views of one storage share it), {@code OrderedDict} as {@link OrderedDict}, dicts as
 * {@link LinkedHashMap} (in the file's order), lists and tuples as lists, ints as {@code Long},
 * floats as {@code Double}, {@code torch.Size} as {@link Size} and dtypes as {@link DType}.
 * Storages saved on another device load on the CPU, as {@code map_location='cpu'}.
 */
final class PickleReader extends Unpickler {
    /** A storage class global such as {@code torch.FloatStorage}: the dtype of the storages that name it. */
    private record StorageType(DType dtype) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new PickleException("a storage type is not called in a PyTorch file");
        }
    }

    /** A dtype global such as {@code torch.float32}. */
    private record DTypeConstant(DType dtype) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new PickleException("a dtype is not called in a PyTorch file");
        }
    }

    /** What {@code collections.OrderedDict()} makes while unpickling; BUILD sets its metadata, which is dropped. */
    public static final class PickledOrderedDict extends OrderedDict<Object, Object> {
        private static final long serialVersionUID = 1L;

        /**
         * Pickle's BUILD (the pickle library looks the method up by the state's class, a
         * {@code LinkedHashMap} here): a state dict's state is its {@code _metadata} (module
         * versions), which JTorch does not keep.
         */
        public void __setstate__(LinkedHashMap<?, ?> state) {
            // deliberately empty: JTorch keeps no per-module version metadata
        }
    }

    static {
        for (Map.Entry<DType, String> e : StorageBytes.CLASS_NAMES.entrySet()) {
            Unpickler.registerConstructor("torch", e.getValue(), new StorageType(e.getKey()));
            String name = e.getKey().toString().substring("torch.".length());
            Unpickler.registerConstructor("torch", name, new DTypeConstant(e.getKey()));
        }
        Unpickler.registerConstructor("collections", "OrderedDict", args -> {
            PickledOrderedDict dict = new PickledOrderedDict();
            if (args.length == 1 && args[0] instanceof List<?> items) {
                for (Object item : items) {
                    Object[] pair = (Object[]) item;
                    dict.put(pair[0], pair[1]);
                }
            }
            return dict;
        });
        Unpickler.registerConstructor("torch._utils", "_rebuild_tensor_v2", PickleReader::rebuildTensor);
        Unpickler.registerConstructor("torch._utils", "_rebuild_parameter",
                args -> Autograd.requiresGrad((TensorImpl) args[0], Boolean.TRUE.equals(args[1])));
        Unpickler.registerConstructor("torch", "Size", args -> Size.of(ints(args.length == 0 ? new Object[0]
                : args[0] instanceof List<?> l ? l.toArray() : (Object[]) args[0])));
    }

    private final Map<String, byte[]> records;
    private final ByteOrder order;
    private final Map<String, TensorImpl> storages = new HashMap<>();

    PickleReader(Map<String, byte[]> records, ByteOrder order) {
        this.records = records;
        this.order = order;
    }

    /** The file's value, with Python's containers and numbers as the Java types above. */
    Object read() throws IOException {
        return java(loads(records.get("data.pkl")), new IdentityHashMap<>());
    }

    /** Dicts keep their order, as in Python (the library's own EMPTY_DICT and SETITEMS do not). */
    @Override
    @SuppressWarnings("unchecked")
    protected Object dispatch(short key) throws IOException {
        if (key == Opcodes.EMPTY_DICT) {
            stack.add(new LinkedHashMap<>());
            return NO_RETURN_VALUE;
        }
        if (key == Opcodes.SETITEMS) {
            List<Object> items = stack.pop_all_since_marker();
            Map<Object, Object> dict = (Map<Object, Object>) stack.peek();
            for (int i = 0; i + 1 < items.size(); i += 2) {
                dict.put(items.get(i), items.get(i + 1));
            }
            return NO_RETURN_VALUE;
        }
        return super.dispatch(key);
    }

    /** {@code ('storage', torch.FloatStorage, key, location, numel)}: the record {@code data/<key>} as a 1-d tensor. */
    @Override
    protected Object persistentLoad(Object pid) {
        Object[] id = (Object[]) pid;
        if (id.length < 5 || !"storage".equals(id[0])) {
            throw new PickleException("unknown persistent id " + Arrays.deepToString(id));
        }
        if (!(id[1] instanceof StorageType type)) {
            throw new IllegalArgumentException("torch.load: storages of type " + id[1]
                    + " are not supported (JTorch has no complex or quantized dtypes)");
        }
        String key = String.valueOf(id[2]);
        return storages.computeIfAbsent(key, k -> {
            byte[] raw = records.get("data/" + k);
            if (raw == null) {
                throw new IllegalArgumentException("torch.load: the file has no record data/" + k);
            }
            return StorageBytes.decode(raw, type.dtype(), order);
        });
    }

    /**
     * {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks)}: a view of the
     * storage with that layout, so tensors saved as views of one storage share it again.
     */
    private static Object rebuildTensor(Object[] args) {
        TensorImpl storage = (TensorImpl) args[0];
        TensorImpl t = storage.asStrided(ints((Object[]) args[2]), ints((Object[]) args[3]),
                ((Number) args[1]).intValue());
        return Boolean.TRUE.equals(args[4]) ? Autograd.requiresGrad(t, true) : t;
    }

    private static int[] ints(Object[] values) {
        return Arrays.stream(values).mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    /** Python values as JTorch's Java ones: tuples as lists, ints as Long, pickled OrderedDicts as OrderedDict. */
    private static Object java(Object v, Map<Object, Object> done) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof DTypeConstant d) {
            return d.dtype();
        }
        if (v instanceof TensorImpl t) {
            return Facades.facade(t);
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        Object seen = done.get(v);
        if (seen != null) {
            return seen;
        }
        if (v instanceof Object[] tuple) {
            List<Object> items = new ArrayList<>();
            for (Object item : tuple) {
                items.add(java(item, done));
            }
            Object out = Collections.unmodifiableList(items);
            done.put(v, out);
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            done.put(v, out);
            list.forEach(item -> out.add(java(item, done)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = v instanceof OrderedDict<?, ?> ? new OrderedDict<>() : new LinkedHashMap<>();
            done.put(v, out);
            map.forEach((k, value) -> out.put(java(k, done), java(value, done)));
            return out;
        }
        return v;
    }
}

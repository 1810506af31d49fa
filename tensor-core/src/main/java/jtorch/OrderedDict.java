package jtorch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Python's {@code collections.OrderedDict}: a map in insertion order that prints as PyTorch prints
 * a state dict, {@code OrderedDict([('weight', tensor(...)), ('bias', tensor(...))])}.
 * {@code Module.stateDict()} returns one, {@code torch.save} stores it as an OrderedDict (so
 * PyTorch loads it as one) and {@code torch.load} returns PyTorch's OrderedDicts as this class.
 */
public class OrderedDict<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;

    /** An empty dict. */
    public OrderedDict() {
        super();
    }

    /** A dict with the entries of {@code map}, in its iteration order. */
    public OrderedDict(Map<? extends K, ? extends V> map) {
        super(map);
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "OrderedDict()";
        }
        StringJoiner items = new StringJoiner(", ", "OrderedDict([", "])");
        for (Map.Entry<K, V> e : entrySet()) {
            items.add("(" + repr(e.getKey()) + ", " + repr(e.getValue()) + ")");
        }
        return items.toString();
    }

    /** Python's repr of a key or value: strings quoted, booleans and null as Python spells them. */
    private static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof CharSequence s) {
            String text = s.toString().replace("\\", "\\\\");
            return text.contains("'") && !text.contains("\"") ? "\"" + text + "\""
                    : "'" + text.replace("'", "\\'") + "'";
        }
        return String.valueOf(value);
    }
}

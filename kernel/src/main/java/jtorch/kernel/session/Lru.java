package jtorch.kernel.session;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map holding at most {@code capacity} entries, dropping the least recently used first. */
final class Lru<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    Lru(int capacity) {
        super(64, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}

package cn.zwgk.assistant.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used cache. The value is computed outside the lock, so a slow computation
 * does not block other keys (two threads may compute the same key once each; the first result stays).
 */
final class RecentCache<K, V> {

    private final Map<K, V> entries;

    RecentCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V computeIfAbsent(K key, Function<K, V> compute) {
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V value = compute.apply(key);
        synchronized (entries) {
            V raced = entries.putIfAbsent(key, value);
            return raced == null ? value : raced;
        }
    }

    V get(K key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    void put(K key, V value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}

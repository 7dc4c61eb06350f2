package org.crimeanalytics.process;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.geometry.jts.ReferencedEnvelope;

/**
 * Whole-layer results of the rendering transformations, kept between map requests (issue #20: on the fly, k-means
 * of 1.3 M incidents cost ~10 s for every 256-pixel tile, the whole layer being read and clustered again each time).
 * A result is keyed by the process, its parameters (those that change it; the view's bounding box does not) and the
 * layer's change signal: its type name, feature count and bounds, so an edited layer is computed again; entries
 * also expire after {@code crime.transformationCacheSeconds} (default 300). At most
 * {@code crime.transformationCache} entries (default 4, 0: no cache), least recently used dropped first.
 */
final class TransformationCache {

    private TransformationCache() {}

    private record Entry(Object value, long created) {}

    private static final LinkedHashMap<String, Entry> MAP = new LinkedHashMap<>(16, 0.75f, true);
    private static long hits;

    /** The key of a result: the process, the layer's change signal, the parameters. */
    static String key(String process, SimpleFeatureCollection layer, Object... params) {
        ReferencedEnvelope b = layer.getBounds();
        String bounds = b == null ? "none" : b.getMinX() + "," + b.getMinY() + "," + b.getMaxX() + "," + b.getMaxY();
        return process + "|" + layer.getSchema().getName() + "|" + layer.size() + "|" + bounds + "|" + Arrays.deepToString(params);
    }

    /** The cached result of {@code key}, or {@code compute}'s, stored (computed outside the lock). */
    @SuppressWarnings("unchecked")
    static <T> T get(String key, Supplier<T> compute) {
        long max = Limits.get("transformationCache", 4);
        if (max <= 0) return compute.get();
        long ttl = Limits.get("transformationCacheSeconds", 300) * 1000L;
        synchronized (MAP) {
            Entry e = MAP.get(key);
            if (e != null && System.currentTimeMillis() - e.created < ttl) {
                hits++;
                return (T) e.value;
            }
        }
        T v = compute.get();
        synchronized (MAP) {
            MAP.put(key, new Entry(v, System.currentTimeMillis()));
            for (Iterator<Map.Entry<String, Entry>> it = MAP.entrySet().iterator(); MAP.size() > max && it.hasNext(); ) {
                it.next();
                it.remove();
            }
        }
        return v;
    }

    /** Requests answered from the cache so far (tests). */
    static synchronized long hits() {
        synchronized (MAP) {
            return hits;
        }
    }
}

package org.crimeanalytics.areas;

import java.util.HashMap;
import java.util.Map;

/**
 * Adjusted Rand index between two partitions of the same items (Hubert &amp; Arabie 1985): 1 for
 * identical partitions (up to relabelling), about 0 for chance agreement. Items labelled -1 in either
 * partition are left out. Degenerate case: when both partitions put everything in one cluster (the
 * expected and maximum index coincide) the result is 1.
 */
public final class AdjustedRand {

    private AdjustedRand() {}

    public static double index(int[] a, int[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("partitions of different sizes");
        Map<Long, Integer> cells = new HashMap<>();
        Map<Integer, Integer> ra = new HashMap<>(), rb = new HashMap<>();
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || b[i] < 0) continue;
            cells.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1, Integer::sum);
            ra.merge(a[i], 1, Integer::sum);
            rb.merge(b[i], 1, Integer::sum);
            n++;
        }
        double index = 0, sa = 0, sb = 0;
        for (int c : cells.values()) index += c2(c);
        for (int c : ra.values()) sa += c2(c);
        for (int c : rb.values()) sb += c2(c);
        double expected = sa * sb / c2(n);
        double max = (sa + sb) / 2;
        if (max == expected) return 1.0;
        return (index - expected) / (max - expected);
    }

    private static double c2(long x) {
        return x * (x - 1) / 2.0;
    }
}

package org.crimeanalytics.hotspot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads GeoDa {@code .gal} contiguity files: a header line (either {@code n}, or
 * {@code 0 n shapefile key}), then per feature a line {@code id count} followed by a line with the
 * ids of its neighbours. Ids are mapped to positions with {@code idOrder} (the features' ids in
 * their order); when null, ids 1..n (or 0..n-1 if a 0 id appears) are positions in that order.
 */
public final class GalReader {

    private GalReader() {}

    public static SpatialWeights read(Reader in, List<String> idOrder) throws IOException {
        BufferedReader r = new BufferedReader(in);
        String header = r.readLine();
        if (header == null) throw new IOException("empty .gal file");
        String[] h = header.trim().split("\\s+");
        int n = Integer.parseInt(h.length >= 2 ? h[1] : h[0]);
        List<String> ids = new ArrayList<>();
        List<String[]> nbs = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) continue;
            String[] p = line.trim().split("\\s+");
            int count = Integer.parseInt(p[1]);
            String nbLine = count == 0 ? "" : r.readLine();
            if (nbLine == null) throw new IOException(".gal: missing neighbour line for id " + p[0]);
            String[] js = nbLine.isBlank() ? new String[0] : nbLine.trim().split("\\s+");
            if (js.length != count) throw new IOException(".gal: id " + p[0] + " lists " + js.length + " neighbours, not " + count);
            ids.add(p[0]);
            nbs.add(js);
        }
        if (ids.size() != n) throw new IOException(".gal: header says " + n + " features, found " + ids.size());
        Map<String, Integer> pos = new HashMap<>();
        if (idOrder != null) {
            for (int i = 0; i < idOrder.size(); i++) pos.put(idOrder.get(i), i);
        } else {
            boolean zeroBased = ids.contains("0");
            for (int i = 0; i < n; i++) pos.put(Integer.toString(zeroBased ? i : i + 1), i);
        }
        List<int[]> lists = SpatialWeights.emptyLists(n);
        for (int k = 0; k < n; k++) {
            Integer i = pos.get(ids.get(k));
            if (i == null) throw new IOException(".gal: unknown id " + ids.get(k));
            int[] a = new int[nbs.get(k).length];
            for (int t = 0; t < a.length; t++) {
                Integer j = pos.get(nbs.get(k)[t]);
                if (j == null) throw new IOException(".gal: unknown neighbour id " + nbs.get(k)[t]);
                a[t] = j;
            }
            lists.set(i, a);
        }
        return SpatialWeights.fromLists(lists, SpatialWeights.Kind.GAL);
    }
}

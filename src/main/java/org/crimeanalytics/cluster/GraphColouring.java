package org.crimeanalytics.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * Greedy graph colouring (Welsh &amp; Powell 1967: vertices by decreasing degree, each given the
 * smallest colour not used by a coloured neighbour), so adjacent clusters never share a colour.
 * Uses at most max degree + 1 colours; ties broken by vertex index, so the result is deterministic.
 */
public final class GraphColouring {

    private GraphColouring() {}

    public static int[] colour(List<int[]> adjacency) {
        int n = adjacency.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> adjacency.get(b).length != adjacency.get(a).length
                ? adjacency.get(b).length - adjacency.get(a).length : a - b);
        int[] colour = new int[n];
        Arrays.fill(colour, -1);
        for (int v : order) {
            boolean[] used = new boolean[adjacency.get(v).length + 1];
            for (int u : adjacency.get(v)) if (colour[u] >= 0 && colour[u] < used.length) used[colour[u]] = true;
            int c = 0;
            while (used[c]) c++;
            colour[v] = c;
        }
        return colour;
    }
}

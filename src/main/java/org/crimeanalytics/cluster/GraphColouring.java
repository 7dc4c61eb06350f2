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

    /**
     * Colours of shapes (in metres) such that two shapes closer than {@code near} (touching included) differ: the
     * adjacency through an STR-tree of envelopes, then {@link #colour(List)}. Null shapes have no neighbours.
     */
    public static int[] colourShapes(org.locationtech.jts.geom.Geometry[] shapes, double near) {
        org.locationtech.jts.index.strtree.STRtree tree = new org.locationtech.jts.index.strtree.STRtree();
        for (int c = 0; c < shapes.length; c++) if (shapes[c] != null) tree.insert(shapes[c].getEnvelopeInternal(), c);
        List<int[]> adj = new java.util.ArrayList<>();
        for (int c = 0; c < shapes.length; c++) {
            List<Integer> nb = new java.util.ArrayList<>();
            if (shapes[c] != null) {
                org.locationtech.jts.geom.Envelope env = new org.locationtech.jts.geom.Envelope(shapes[c].getEnvelopeInternal());
                env.expandBy(near);
                for (Object o : tree.query(env)) {
                    int j = (Integer) o;
                    if (j != c && shapes[c].isWithinDistance(shapes[j], near)) nb.add(j);
                }
            }
            adj.add(nb.stream().mapToInt(Integer::intValue).toArray());
        }
        return colour(adj);
    }

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

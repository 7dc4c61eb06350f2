package org.crimeanalytics.hotspot;

import java.util.ArrayList;
import java.util.List;

/** Regular lattices for tests (ids row by row, like libpysal's lat2W). */
final class Lattices {

    private Lattices() {}

    static SpatialWeights rook(int rows, int cols) {
        return lattice(rows, cols, false);
    }

    static SpatialWeights queen(int rows, int cols) {
        return lattice(rows, cols, true);
    }

    private static SpatialWeights lattice(int rows, int cols, boolean queen) {
        List<int[]> lists = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                List<Integer> nb = new ArrayList<>();
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        if (dr == 0 && dc == 0) continue;
                        if (!queen && dr != 0 && dc != 0) continue;
                        int rr = r + dr, cc = c + dc;
                        if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) nb.add(rr * cols + cc);
                    }
                }
                lists.add(nb.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return SpatialWeights.fromLists(lists, queen ? SpatialWeights.Kind.QUEEN : SpatialWeights.Kind.ROOK);
    }
}

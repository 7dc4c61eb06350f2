package org.crimeanalytics.areas;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Assigns points to polygons through an STR-tree of prepared geometries. Rule for points on a
 * boundary: a point covered by several polygons (on a shared edge or vertex) goes to the one that
 * comes first in the layer, so every point counts at most once; a point in a hole belongs to the
 * polygon only if another polygon fills the hole. Both inputs must be in the same CRS.
 */
public final class PointInPolygon {

    private final STRtree tree = new STRtree();
    private final GeometryFactory gf = new GeometryFactory();
    private final int size;

    private record Entry(int index, PreparedGeometry geometry) {}

    public PointInPolygon(List<Geometry> polygons) {
        for (int i = 0; i < polygons.size(); i++) {
            Geometry g = polygons.get(i);
            if (g == null || g.isEmpty()) continue;
            tree.insert(g.getEnvelopeInternal(), new Entry(i, PreparedGeometryFactory.prepare(g)));
        }
        tree.build();
        this.size = polygons.size();
    }

    public int polygons() {
        return size;
    }

    /** Index of the polygon containing (x, y), -1 when none; {@code onBoundaryOfSeveral[0]} tells a shared-boundary point. */
    public int locate(double x, double y, boolean[] onBoundaryOfSeveral) {
        Point p = gf.createPoint(new Coordinate(x, y));
        @SuppressWarnings("unchecked")
        List<Entry> cands = tree.query(p.getEnvelopeInternal());
        int best = -1;
        int hits = 0;
        for (Entry e : cands) {
            if (e.geometry().covers(p)) {
                hits++;
                if (best < 0 || e.index() < best) best = e.index();
            }
        }
        if (onBoundaryOfSeveral != null) onBoundaryOfSeveral[0] = hits > 1;
        return best;
    }

    /**
     * {@link #locate} for {@code n} points at once, on all cores: each distinct location is located once (incidents
     * repeat at geocoded block points) and its answer copied to its repeats. {@code where[i]}: the polygon's index or
     * -1; {@code onBoundaryOfSeveral[i]}: a point on a boundary shared by several polygons.
     */
    public void locateAll(double[] x, double[] y, int n, int[] where, boolean[] onBoundaryOfSeveral) {
        // distinct locations by exact coordinates (open addressing), the first row of each
        if (n > 1 << 28) { // beyond any incident limit: no table of distinct locations
            boolean[] several = new boolean[1];
            for (int i = 0; i < n; i++) {
                where[i] = locate(x[i], y[i], several);
                onBoundaryOfSeveral[i] = several[0];
            }
            return;
        }
        int cap = Integer.highestOneBit(Math.max(16, n) * 2 - 1) << 1;
        int mask = cap - 1;
        int[] slotRow = new int[cap];
        java.util.Arrays.fill(slotRow, -1);
        int[] firstOf = new int[n];
        int[] distinct = new int[n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            long bx = Double.doubleToLongBits(x[i] + 0.0), by = Double.doubleToLongBits(y[i] + 0.0); // -0.0 as 0.0
            long h = bx * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(by * 0xC2B2AE3D27D4EB4FL, 31);
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (true) {
                int r = slotRow[slot];
                if (r < 0) {
                    slotRow[slot] = i;
                    firstOf[i] = i;
                    distinct[d++] = i;
                    break;
                }
                if (Double.doubleToLongBits(x[r] + 0.0) == bx && Double.doubleToLongBits(y[r] + 0.0) == by) {
                    firstOf[i] = r;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        final int distinctCount = d;
        java.util.stream.IntStream.range(0, (distinctCount + 8191) / 8192).parallel().forEach(chunk -> {
            boolean[] several = new boolean[1];
            int end = Math.min(distinctCount, (chunk + 1) * 8192);
            for (int k = chunk * 8192; k < end; k++) {
                int i = distinct[k];
                where[i] = locate(x[i], y[i], several);
                onBoundaryOfSeveral[i] = several[0];
            }
        });
        for (int i = 0; i < n; i++) {
            if (firstOf[i] == i) continue;
            where[i] = where[firstOf[i]];
            onBoundaryOfSeveral[i] = onBoundaryOfSeveral[firstOf[i]];
        }
    }
}

package org.crimeanalytics.areas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Invalid polygons of an area layer, repaired and counted. The rule: a polygon that is not valid (OGC simple
 * features: a self-intersecting ring, or parts of a multipolygon lying in or across one another) is replaced by
 * JTS's {@link GeometryFixer} result, which keeps all the area it covered (parts merged, their union kept) as
 * PostGIS {@code ST_MakeValid} does; a point on the repaired area is counted once. Chicago's community area 10,
 * one of whose parts lies inside the other, then counts what PostGIS counts.
 */
public final class AreaRepairs {

    private int repaired;
    private final List<String> first = new ArrayList<>();

    /** {@code g} itself when valid (or null or not polygonal), else its repair, counted under {@code id}. */
    public Geometry check(Geometry g, String id) {
        if (g == null || g.isEmpty() || g.getDimension() != 2 || g.isValid()) return g;
        repaired++;
        if (first.size() < 10) first.add(id);
        return GeometryFixer.fix(g);
    }

    public int repaired() {
        return repaired;
    }

    /** For a summary: the count, the first ids and the rule. */
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("areas_repaired", repaired);
        if (repaired > 0) {
            m.put("first_repaired", first);
            m.put("repair_rule", "invalid polygons (self-intersections, parts lying in one another) repaired with JTS GeometryFixer: "
                    + "all the area they covered kept, overlapping parts merged, as PostGIS ST_MakeValid");
        }
        return m;
    }
}

package org.crimeanalytics.geo;

import java.util.List;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.ProcessException;
import org.locationtech.jts.geom.Geometry;

/**
 * Checks of a layer a process was given (incidents, areas, predictions, a study area): one wording for an empty
 * layer whichever process finds it, an attribute's absence not blamed on an empty layer, and areas none of which
 * has a geometry.
 */
public final class LayerChecks {

    private LayerChecks() {}

    /** The error for layer {@code param} holding no feature: {@code "incidents: the collection is empty"}. */
    public static ProcessException empty(String param) {
        return new ProcessException(param + ": the collection is empty");
    }

    /**
     * The error to give for an attribute layer {@code param} lacks: {@code missing}, or, when the layer is empty,
     * {@link #empty} (an empty GeoJSON file has no attribute at all, and the missing attribute is not what is wrong with
     * it). A collection that cannot say whether it is empty (a remote layer failing) gets {@code missing}.
     */
    public static ProcessException unlessEmpty(SimpleFeatureCollection fc, String param, ProcessException missing) {
        try {
            if (fc.isEmpty()) return empty(param);
        } catch (RuntimeException e) {
            // a remote layer that fails here fails again when it is read, with its own error
        }
        return missing;
    }

    /**
     * Refuses a layer none of whose features has a geometry (a GeoJSON of attributes only), naming {@code param}: every
     * incident would be outside every area, and the incidents would seem to be at fault.
     */
    public static void requireGeometries(List<Geometry> areas, String param) {
        for (Geometry g : areas) if (g != null && !g.isEmpty()) return;
        throw new ProcessException(param + ": none of its " + areas.size() + " features has a geometry");
    }
}

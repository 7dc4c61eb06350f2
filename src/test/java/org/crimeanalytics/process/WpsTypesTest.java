package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geotools.api.data.Parameter;
import org.geotools.api.feature.type.Name;
import org.geotools.process.ProcessFactory;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;

/**
 * Every input and output type of every crime: process must have a GeoServer WPS encoder/decoder
 * (a "PPIO"). GeoServer's {@code ProcessParameterIO.findAll} matches a parameter when a PPIO's type
 * is assignable from the parameter type, and gives enums an {@code EnumPPIO}. The PPIOs GeoServer's
 * wps-core registers out of the box ({@code ProcessParameterIO.defaults}): literals (BigInteger,
 * BigDecimal, Double, Float, Integer, Long, Short, Byte, Number and their primitives, Boolean,
 * String, CharSequence, java.util.Date, java.sql.Date, Time, Timestamp); JTS geometries (GML2/GML3,
 * WKT, GeoJSON); feature collections (WFS 1.0/1.1 GML, GeoJSON); CoordinateReferenceSystem;
 * envelopes (JTS Envelope, ReferencedEnvelope, Bounds); filters (Filter 1.0/1.1, CQL); grid
 * coverages and rendered images (GeoTIFF, ArcGrid, PNG, JPEG). Text documents (JSON, CSV, SLD) travel
 * as String.
 */
class WpsTypesTest {

    static final List<Class<?>> PPIO_TYPES = List.of(
            java.math.BigInteger.class, java.math.BigDecimal.class, Double.class, double.class, Float.class, float.class,
            Integer.class, int.class, Long.class, long.class, Short.class, short.class, Byte.class, byte.class,
            Number.class, Boolean.class, boolean.class, String.class, CharSequence.class, java.util.Date.class,
            java.sql.Date.class, java.sql.Time.class, java.sql.Timestamp.class,
            org.locationtech.jts.geom.Geometry.class,
            org.geotools.feature.FeatureCollection.class,
            org.geotools.api.referencing.crs.CoordinateReferenceSystem.class,
            org.locationtech.jts.geom.Envelope.class, org.geotools.geometry.jts.ReferencedEnvelope.class,
            org.geotools.api.geometry.Bounds.class,
            org.geotools.api.filter.Filter.class,
            org.geotools.api.coverage.grid.GridCoverage.class, java.awt.image.RenderedImage.class);

    static boolean encodable(Class<?> type) {
        if (type.isEnum()) return true;
        for (Class<?> t : PPIO_TYPES) if (t.isAssignableFrom(type)) return true;
        return false;
    }

    @Test
    void theRuleRejectsWhatGeoServerCannotEncode() {
        assertTrue(!encodable(java.util.List.class) && !encodable(Map.class) && !encodable(double[].class)
                && !encodable(Object.class));
        assertTrue(encodable(org.geotools.data.simple.SimpleFeatureCollection.class)
                && encodable(org.locationtech.jts.geom.Polygon.class) && encodable(ImportIncidentsProcess.Format.class));
    }

    @Test
    void everyCrimeProcessUsesOnlyEncodableTypes() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (ProcessFactory f : Processors.getProcessFactories()) {
            for (Name n : f.getNames()) {
                if (!"crime".equals(n.getNamespaceURI())) continue;
                for (Parameter<?> p : f.getParameterInfo(n).values()) {
                    checked++;
                    if (!encodable(p.type)) bad.add("crime:" + n.getLocalPart() + " input " + p.key + ": " + p.type.getName());
                }
                for (Parameter<?> p : f.getResultInfo(n, null).values()) {
                    checked++;
                    if (!encodable(p.type)) bad.add("crime:" + n.getLocalPart() + " output " + p.key + ": " + p.type.getName());
                }
            }
        }
        assertTrue(checked > 0);
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }
}

package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.geoserver.wps.process.AbstractRawData;
import org.geoserver.wps.process.RawData;
import org.geotools.api.data.Parameter;
import org.geotools.api.feature.type.Name;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.NameImpl;
import org.junit.jupiter.api.Test;

/**
 * The processes as GeoServer's WPS sees them (issue #20), with the declarations of {@code geoserver-wps-api/} standing
 * in for GeoServer's classes: text outputs with MIME types are complex RawData of that type (JSON, CSV, SLD), the
 * CSV of ImportIncidents an upload read as a stream; everything else as the plain factory declares it.
 */
class GeoServerWpsTest {

    static final CrimeProcessFactory WPS = new CrimeProcessFactory(true);
    static final CrimeProcessFactory PLAIN = new CrimeProcessFactory();

    static Name name(String local) {
        return new NameImpl("crime", local);
    }

    @Test
    void theTestJvmIsNotGeoServer() {
        assertFalse(PLAIN.typedForWps(), "without GeoServer's WPS (org.geoserver.wps.WPSInfo) the processes keep plain types");
        assertEquals(String.class, PLAIN.getResultInfo(name("HotSpots"), null).get("summary").type);
    }

    @Test
    void everyTextOutputWithAMimeTypeIsComplexData() {
        int complex = 0;
        for (Name n : PLAIN.getNames()) {
            Map<String, Parameter<?>> plain = PLAIN.getResultInfo(n, null), typed = WPS.getResultInfo(n, null);
            assertEquals(plain.keySet().toString(), typed.keySet().toString(), "same outputs in the same order: " + n);
            for (Map.Entry<String, Parameter<?>> e : plain.entrySet()) {
                Parameter<?> t = typed.get(e.getKey());
                if (e.getValue().type == String.class && e.getValue().metadata.get(AbstractRawData.MIME_TYPES) != null) {
                    assertEquals(RawData.class, t.type, n + " " + e.getKey());
                    assertEquals(e.getValue().metadata.get(AbstractRawData.MIME_TYPES), t.metadata.get(AbstractRawData.MIME_TYPES));
                    complex++;
                } else {
                    assertEquals(e.getValue().type, t.type, n + " " + e.getKey());
                }
            }
        }
        assertTrue(complex > 30, "complex outputs: " + complex);
        // a literal stays a literal: the name of a trained model
        assertEquals(String.class, WPS.getResultInfo(name("TrainModel"), null).get("model").type);
        assertEquals(RawData.class, WPS.getParameterInfo(name("ImportIncidents")).get("csv").type);
    }

    @Test
    void outputsComeBackAsRawDataOfTheirMimeType() throws Exception {
        Map<String, Object> in = new LinkedHashMap<>(Map.of("incidents", ProcessCatalogTest.lapdIncidents(), "cellSize", 2000.0));
        Map<String, Object> plain = PLAIN.create(name("HotSpots")).execute(new LinkedHashMap<>(in), null);
        Map<String, Object> typed = WPS.create(name("HotSpots")).execute(new LinkedHashMap<>(in), null);
        assertEquals(plain.keySet().toString(), typed.keySet().toString());
        assertInstanceOf(SimpleFeatureCollection.class, typed.get("result"));
        RawData summary = (RawData) typed.get("summary"), style = (RawData) typed.get("style");
        assertInstanceOf(org.geoserver.wps.process.ByteArrayRawData.class, summary);
        assertEquals("application/json", summary.getMimeType());
        assertEquals("json", summary.getFileExtension());
        assertEquals(plain.get("summary"), read(summary));
        assertEquals("application/vnd.ogc.sld+xml", style.getMimeType());
        assertEquals("sld", style.getFileExtension());
        assertEquals(plain.get("style"), read(style));
        Map<String, Object> t = WPS.create(name("TemporalProfile")).execute(new LinkedHashMap<>(Map.of("incidents", ProcessCatalogTest.lapdIncidents())), null);
        assertEquals("text/csv", ((RawData) t.get("matrix")).getMimeType());
        assertEquals("csv", ((RawData) t.get("matrix")).getFileExtension());
    }

    @Test
    void anUploadedCsvIsReadAsAStream() throws Exception {
        String csv = ProcessCatalogTest.Samples.lapdCsv();
        RawData upload = new RawData() {
            int opened;

            @Override
            public String getMimeType() {
                return "text/csv";
            }

            @Override
            public InputStream getInputStream() {
                if (++opened > 1) throw new IllegalStateException("read twice");
                return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public String getFileExtension() {
                return "csv";
            }
        };
        Map<String, Object> typed = WPS.create(name("ImportIncidents")).execute(new LinkedHashMap<>(Map.of("csv", upload, "format", "LAPD")), null);
        Map<String, Object> plain = PLAIN.create(name("ImportIncidents")).execute(new LinkedHashMap<>(Map.of("csv", csv)), null);
        assertEquals(((SimpleFeatureCollection) plain.get("result")).size(), ((SimpleFeatureCollection) typed.get("result")).size());
        assertEquals(9987, ((SimpleFeatureCollection) typed.get("result")).size());
        String report = read((RawData) typed.get("report"));
        assertTrue(report.contains("\"accepted\": 9987"), report.substring(0, Math.min(400, report.length())));
    }

    @Test
    void aLayerCutAtTheWfsMaximumIsReported() throws Exception {
        SimpleFeatureCollection inc = ProcessCatalogTest.lapdIncidents();
        try {
            System.setProperty("crime.wfsMaxFeatures", Integer.toString(inc.size()));
            Map<String, Object> out = WPS.create(name("HotSpots")).execute(new LinkedHashMap<>(Map.of("incidents", inc, "cellSize", 2000.0)), null);
            String summary = read((RawData) out.get("summary"));
            assertTrue(summary.contains("\"input_warnings\"") && summary.contains("incidents: exactly 9987 features arrived, GeoServer's WFS maximum"),
                    summary.substring(0, 300));
            System.setProperty("crime.wfsMaxFeatures", "1000000");
            Map<String, Object> fine = WPS.create(name("HotSpots")).execute(new LinkedHashMap<>(Map.of("incidents", inc, "cellSize", 2000.0)), null);
            assertFalse(read((RawData) fine.get("summary")).contains("input_warnings"));
        } finally {
            System.clearProperty("crime.wfsMaxFeatures");
        }
    }

    static String read(RawData r) throws Exception {
        try (InputStream in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

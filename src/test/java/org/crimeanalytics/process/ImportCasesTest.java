package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.TestData;
import org.crimeanalytics.ingest.FastDates;
import org.crimeanalytics.ingest.OffenseCategory;
import org.crimeanalytics.json.Json;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.ProcessException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/** The nine cases of issue #16 ("read what analysts actually download"), each with its right value. */
class ImportCasesTest {

    static Map<String, Object> run(String csv, Object... kv) {
        Map<String, Object> in = new HashMap<>();
        in.put("csv", csv);
        for (int i = 0; i < kv.length; i += 2) in.put((String) kv[i], kv[i + 1]);
        return HotSpotsProcessTest.run("ImportIncidents", in);
    }

    static List<SimpleFeature> rows(Map<String, Object> out) {
        return HotSpotsProcessTest.list(out.get("result"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> report(Map<String, Object> out) {
        return (Map<String, Object>) Json.parse((String) out.get("report"));
    }

    static LocalDateTime occurred(SimpleFeature f) {
        Date d = (Date) f.getAttribute("occurred");
        return d == null ? null : LocalDateTime.ofEpochSecond(Math.floorDiv(d.getTime(), 1000), 0, ZoneOffset.UTC);
    }

    static final String PARIS = "id;date;type;latitude;longitude\n";

    @Test
    void dayFirstDatesAreReadDayFirstAndAmbiguousOnesRefused() {
        List<SimpleFeature> f = rows(run(PARIS + "P-001;15/03/2023 14:30;Vol simple;48.8566;2.3522\n"
                + "P-002;02/03/2023 09:05;Cambriolage;48.8600;2.3400\n"));
        assertEquals(2, f.size());
        assertEquals(LocalDateTime.of(2023, 3, 15, 14, 30), occurred(f.get(0)));
        assertEquals(LocalDateTime.of(2023, 3, 2, 9, 5), occurred(f.get(1))); // not 3 February
        ProcessException e = assertThrows(ProcessException.class,
                () -> run(PARIS + "P-002;02/03/2023 09:05;Cambriolage;48.8600;2.3400\n"));
        assertTrue(e.getMessage().contains("date: the order of day and month in column 'date' cannot be told"), e.getMessage());
        assertTrue(e.getMessage().contains("dateOrder=DMY"), e.getMessage());
        // the user says so
        assertEquals(LocalDateTime.of(2023, 3, 2, 9, 5), occurred(rows(run(PARIS + "P-002;02/03/2023 09:05;Cambriolage;48.86;2.34\n",
                "dateOrder", FastDates.DateOrder.DMY)).get(0)));
        ProcessException mixed = assertThrows(ProcessException.class,
                () -> run(PARIS + "P-1;15/03/2023 14:30;x;48.86;2.34\nP-2;03/15/2023 14:30;x;48.86;2.34\n"));
        assertTrue(mixed.getMessage().contains("mixes day-first and month-first"), mixed.getMessage());
    }

    @Test
    void frenchAndGermanHeadersWithAccentsAreRecognised() {
        SimpleFeature fr = rows(run("Numéro;Date des faits;Heure des faits;Nature de l'infraction;Latitude;Longitude\n"
                + "2023-000145;15/03/2023;14:30;Vol à la tire;48,8556;2,3601\n")).get(0);
        assertEquals("2023-000145", fr.getAttribute("incident_id"));
        assertEquals(LocalDateTime.of(2023, 3, 15, 14, 30), occurred(fr));
        assertEquals("Vol à la tire", fr.getAttribute("offense"));
        assertEquals("property", fr.getAttribute("category"));
        SimpleFeature de = rows(run("Fallnummer;Tatzeit;Delikt;Breitengrad;Längengrad\n"
                + "BE-2023-0102;07.04.2023 03:40;Wohnungseinbruchdiebstahl;52,538;13,41\n")).get(0);
        assertEquals("BE-2023-0102", de.getAttribute("incident_id"));
        assertEquals(LocalDateTime.of(2023, 4, 7, 3, 40), occurred(de));
        assertEquals("property", de.getAttribute("category"));
        assertEquals(13.41, ((Point) de.getDefaultGeometry()).getX(), 1e-12);
    }

    @Test
    void epochMillisecondReportDatesAreRead() {
        SimpleFeature f = rows(run("Case_No,From_Date,Reported_Date,Offense_Desc,Latitude,Longitude\n"
                + "230021456,1678901234000,1678935900000,ASSAULT BODILY INJURY,32.7302,-97.339\n")).get(0);
        assertEquals(LocalDateTime.of(2023, 3, 15, 17, 27, 14), occurred(f)); // 1678901234 s after 1970, UTC
        assertEquals(1678935900000L, ((Date) f.getAttribute("reported")).getTime());
    }

    @Test
    void decimalCommasWithSemicolons() {
        Point p = (Point) rows(run(PARIS + "P-001;15/03/2023 14:30;Vol simple;48,8566;2,3522\n")).get(0).getDefaultGeometry();
        assertEquals(48.8566, p.getY(), 1e-12);
        assertEquals(2.3522, p.getX(), 1e-12);
    }

    @Test
    void oneLocationColumn() {
        String kc = "report_no,reported_date,offense,location\nKC19000001,2019-03-01,STEALING FROM AUTO,\"(39.0997, -94.5786)\"\n";
        Map<String, Object> out = run(kc);
        SimpleFeature f = rows(out).get(0);
        Point p = (Point) f.getDefaultGeometry();
        assertEquals(-94.5786, p.getX(), 1e-12);
        assertEquals(39.0997, p.getY(), 1e-12);
        assertEquals("KC19000001", f.getAttribute("incident_id"));
        assertEquals("property", f.getAttribute("category"));
        assertEquals(LocalDateTime.of(2019, 3, 1, 0, 0), occurred(f)); // the only date: the report date, with a warning
        assertTrue(((List<?>) report(out).get("warnings")).toString().contains("'occurred' is the report date"));
        Point w = (Point) rows(run("id,date,offense,Point\n1,2019-03-01 10:00,THEFT,POINT (-122.4194 37.7749)\n")).get(0).getDefaultGeometry();
        assertEquals(-122.4194, w.getX(), 1e-12);
        assertEquals(37.7749, w.getY(), 1e-12);
        // the advice the old error gave now works too
        assertEquals(1, rows(run(kc.replace("location\n", "where\n"), "columns", "lat=where;lon=where")).size());
        ProcessException none = assertThrows(ProcessException.class, () -> run("id,date,offense,address\n1,2019-03-01,THEFT,100 MAIN ST\n"));
        assertTrue(none.getMessage().contains("no coordinate columns: found [id, date, offense, address]"), none.getMessage());
        assertTrue(none.getMessage().contains("columns=location="), none.getMessage());
    }

    @Test
    void zonesAreHandledTheSameWayAndReported() {
        String csv = "id,occurred,offense,lat,lon\n1,2019-01-03T08:00:00-06:00,THEFT,41.8,-87.6\n2,2020-01-01T00:00:00.000Z,THEFT,41.8,-87.6\n";
        Map<String, Object> kept = run(csv);
        assertEquals(LocalDateTime.of(2019, 1, 3, 8, 0), occurred(rows(kept).get(0))); // the local wall clock, as written
        assertEquals(LocalDateTime.of(2020, 1, 1, 0, 0), occurred(rows(kept).get(1))); // as written, and a warning
        assertTrue(((List<?>) report(kept).get("warnings")).toString().contains("writes times in UTC"));
        assertEquals("kept as written (the zone is dropped)", ((Map<?, ?>) report(kept).get("dates_with_zone")).get("handling"));
        Map<String, Object> local = run(csv, "timeZone", "America/Chicago");
        assertEquals(LocalDateTime.of(2019, 1, 3, 8, 0), occurred(rows(local).get(0))); // 14:00 UTC is 08:00 in Chicago
        assertEquals(LocalDateTime.of(2019, 12, 31, 18, 0), occurred(rows(local).get(1))); // midnight UTC is 18:00 the day before
        assertTrue(((Map<?, ?>) report(local).get("dates_with_zone")).get("handling").toString().contains("America/Chicago"));
        assertTrue(assertThrows(ProcessException.class, () -> run(csv, "timeZone", "Mars/Olympus")).getMessage().startsWith("timeZone:"));
    }

    /** Forty San Francisco incidents in two streets, one block of them dense. */
    static String sanFrancisco() {
        StringBuilder b = new StringBuilder("id,date,offense,latitude,longitude\n");
        for (int i = 0; i < 40; i++) {
            double lat = i < 15 ? 37.7880 + (i % 5) * 0.0002 : 37.7700 + (i % 5) * 0.004;
            double lon = i < 15 ? -122.4075 + (i / 5) * 0.0002 : -122.4400 + ((i - 15) / 5) * 0.005;
            b.append("S").append(i).append(",2015-01-05 10:00,THEFT,").append(lat).append(',').append(lon).append('\n');
        }
        return b.toString();
    }

    @Test
    void placeholderLocationsAreRejectedWithTheirOwnReason() {
        Map<String, Object> out = run(sanFrancisco() + "S999,2015-01-05 10:00,WARRANT ARREST,90,-120.5\n");
        assertEquals(40, rows(out).size());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> by = (Map<String, Map<String, Object>>) report(out).get("rejected_by_reason");
        assertEquals(1L, by.get("placeholder_location").get("count"));
        assertEquals(List.of("line 42"), by.get("placeholder_location").get("first"));
        // the hot spot analysis keeps its scale and finds the dense block
        Map<String, Object> hs = HotSpotsProcessTest.run("HotSpots", Map.of("incidents", out.get("result"), "cellSize", 100.0));
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.parse((String) hs.get("summary"));
        double band = ((Number) ((Map<?, ?>) s.get("weights")).get("distance_band_m")).doubleValue();
        assertTrue(band < 1000, "band " + band);
        assertTrue(((Number) s.get("hot_spots")).intValue() >= 1, s.toString());
        // a pile of -1,-1 rows (Boston, Seattle) and a lone row geocoded 1,500 km away
        StringBuilder b = new StringBuilder(sanFrancisco());
        for (int i = 0; i < 5; i++) b.append("M").append(i).append(",2015-01-05 10:00,THEFT,-1,-1\n");
        b.append("F1,2015-01-05 10:00,THEFT,38.63,-90.2\n");
        Map<String, Object> r = report(run(b.toString()));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> by2 = (Map<String, Map<String, Object>>) r.get("rejected_by_reason");
        assertEquals(5L, by2.get("placeholder_location").get("count"));
        assertEquals(1L, by2.get("outlier_location").get("count"));
        assertEquals(40L, r.get("accepted"));
        // a separate town with spread-out incidents is kept
        StringBuilder town = new StringBuilder(sanFrancisco());
        for (int i = 0; i < 5; i++) town.append("T").append(i).append(",2015-01-05 10:00,THEFT,").append(38.58 + i * 0.002).append(",-121.49\n");
        assertEquals(45L, report(run(town.toString())).get("accepted"));
    }

    @Test
    void unrecognisedColumnsAreNamed() {
        Map<String, Object> out = run("CMPLNT_NUM,CMPLNT_FR_DT,CMPLNT_FR_TM,OFNS_DESC,Latitude,Longitude\n"
                + "900000102,03/15/2019,08:05:00,ASSAULT 3 & RELATED OFFENSES,40.7543,-73.9866\n");
        SimpleFeature f = rows(out).get(0);
        assertEquals("900000102", f.getAttribute("incident_id"));
        assertEquals(LocalDateTime.of(2019, 3, 15, 8, 5), occurred(f));
        assertEquals("ASSAULT 3 & RELATED OFFENSES", f.getAttribute("offense"));
        assertEquals("violent", f.getAttribute("category"));
        assertEquals("NYPD", report(out).get("format"));
        // an export with none of the names: warnings name the columns seen, and TemporalProfile says why it cannot work
        Map<String, Object> odd = run("num,when_it_happened,what,latitude,longitude\n1,2019-03-15,x,40.75,-73.98\n");
        String w = ((List<?>) report(odd).get("warnings")).toString();
        assertTrue(w.contains("no occurrence date column recognised among [num, when_it_happened, what, latitude, longitude]"), w);
        assertTrue(w.contains("no offense column recognised"), w);
        assertTrue(w.contains("no incident id column recognised"), w);
        ProcessException e = assertThrows(ProcessException.class,
                () -> HotSpotsProcessTest.run("TemporalProfile", Map.of("incidents", odd.get("result"))));
        assertTrue(e.getMessage().startsWith("timeAttribute: 'occurred' holds no date in any of the 1 incidents"), e.getMessage());
        assertTrue(e.getMessage().endsWith("import the file with crime:ImportIncidents columns=date=<the date column> first"), e.getMessage());
        // TrainModel has no timeAttribute parameter: the incidents are named
        ProcessException t = assertThrows(ProcessException.class,
                () -> HotSpotsProcessTest.run("TrainModel", Map.of("incidents", odd.get("result"), "name", "never_written")));
        assertTrue(t.getMessage().startsWith("incidents: 'occurred' holds no date in any of the 1 incidents"), t.getMessage());
    }

    @Test
    void offenseWordsAndCodes() {
        assertEquals(OffenseCategory.PROPERTY, OffenseCategory.fromDescription("GRAND LARCENY OF MOTOR VEHICLE"));
        assertEquals(OffenseCategory.PROPERTY, OffenseCategory.fromDescription("PETIT LARCENY"));
        assertEquals(OffenseCategory.PROPERTY, OffenseCategory.fromDescription("CRIMINAL MISCHIEF & RELATED OF"));
        assertEquals(OffenseCategory.VIOLENT, OffenseCategory.fromDescription("FELONY ASSAULT"));
        assertEquals(OffenseCategory.DRUGS, OffenseCategory.fromDescription("DANGEROUS DRUGS"));
        assertEquals(OffenseCategory.OTHER, OffenseCategory.fromDescription("INTOXICATED & IMPAIRED DRIVING"));
        assertEquals(OffenseCategory.OTHER, OffenseCategory.fromDescription("HARRASSMENT 2"));
        assertEquals(OffenseCategory.OTHER, OffenseCategory.fromDescription("DRAPERY")); // whole words only: not RAPE
        assertEquals(OffenseCategory.VIOLENT, OffenseCategory.fromNibrs("13C"));
        assertEquals(OffenseCategory.PROPERTY, OffenseCategory.fromNibrs("26F"));
        assertEquals(OffenseCategory.DRUGS, OffenseCategory.fromNibrs("35B"));
        assertEquals(OffenseCategory.OTHER, OffenseCategory.fromNibrs("520"));
        assertNull(OffenseCategory.fromNibrs("THEFT"));
        // a NIBRS code column wins over the words
        SimpleFeature f = rows(run("id,date,offense,nibrs_code,lat,lon\n1,2023-01-05,MISC INCIDENT,23F,40.7,-74.0\n")).get(0);
        assertEquals("property", f.getAttribute("category"));
    }

    @Test
    void shapefileDatesAreDates() throws Exception {
        SimpleFeatureCollection sf = org.crimeanalytics.geo.ShapefileFeatures.read(TestData.shared("sf/incidents/sf_robbery.shp"));
        Map<String, Object> out = HotSpotsProcessTest.run("ImportIncidents", Map.of("features", sf));
        Map<String, Object> r = report(out);
        assertEquals(r.get("rows_read"), ((Number) r.get("accepted")).longValue() + ((Number) r.get("rejected")).longValue());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> by = (Map<String, Map<String, Object>>) r.get("rejected_by_reason");
        assertEquals(0L, by.get("bad_date").get("count"));
        SimpleFeature f = rows(out).get(0);
        assertEquals("day", f.getAttribute("time_precision")); // the Time field holds only the OLE zero date 1899-12-30
        assertEquals(LocalDateTime.of(2012, 7, 1, 0, 0), occurred(f));
    }

    @Test
    void isoStringDatesOfALayerAreDates() {
        SimpleFeatureCollection gj = org.crimeanalytics.geo.GeoJson.read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"incident_id\":\"a\",\"occurred\":\"2023-03-15T14:30:00Z\",\"offense\":\"ROBBERY\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-118.3,34.05]}}]}", "up");
        SimpleFeature f = rows(HotSpotsProcessTest.run("ImportIncidents", Map.of("features", gj))).get(0);
        assertEquals(LocalDateTime.of(2023, 3, 15, 14, 30), occurred(f));
        assertEquals("violent", f.getAttribute("category"));
    }

    @Test
    void reimportingTheProjectsOwnOutputKeepsEveryField() {
        Map<String, Object> first = run("DR_NO,Date Rptd,DATE OCC,TIME OCC,AREA,AREA NAME,Crm Cd,Crm Cd Desc,LAT,LON\n"
                + "1,01/02/2021 12:00:00 AM,01/01/2021 12:00:00 AM,2230,15,N Hollywood,510,VEHICLE - STOLEN,34.2,-118.4\n");
        Map<String, Object> again = HotSpotsProcessTest.run("ImportIncidents", Map.of("features", first.get("result")));
        assertEquals("CANONICAL", report(again).get("format"));
        SimpleFeature a = rows(first).get(0), b = rows(again).get(0);
        for (String k : new String[] {"incident_id", "occurred", "time_precision", "reported", "offense_code", "offense", "category",
            "area", "area_name", "source_line"}) {
            assertEquals(a.getAttribute(k), b.getAttribute(k), k);
        }
    }
}

package org.crimeanalytics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.ingest.Reason;
import org.crimeanalytics.process.ImportIncidentsProcess;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark jobs in local[2] against the single-machine processes on the same input (the LAPD sample, and the bundled
 * Chicago January 2017 export cut into parts): rows read and rejections by reason equal, Gi* per cell equal to 1e-9.
 */
class SparkJobsTest {

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("crime-analytics tests").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static IncidentIngest.Result single(Path file) throws Exception {
        return ImportIncidentsProcess.ingestFiles(List.of(file), file.getFileName().toString(),
                ImportIncidentsProcess.options(null, null, null, null, null, null), null);
    }

    @Test
    void ingestCountsEqualTheSingleMachineImport() throws Exception {
        for (String f : new String[] {"test-data/lapd_sample10k.csv", "test-data/chicago_2017_01.csv.gz"}) {
            IncidentIngest.Result one = single(Path.of(f));
            SparkIngest.Options o = new SparkIngest.Options();
            SparkIngest.Result s = SparkIngest.read(spark, List.of(Path.of(f).toAbsolutePath().toString()), o);
            assertEquals(one.report().rowsRead(), s.rowsRead(), f + ": rows read");
            assertEquals(one.report().accepted(), s.accepted(), f + ": incidents");
            for (Reason r : Reason.values()) {
                assertEquals(one.report().rejected(r), (long) s.rejected().getOrDefault(r, 0L), f + ": " + r);
            }
            assertEquals(one.format().name(), s.format());
        }
    }

    @Test
    void aFileCutIntoPartsGivesTheSameIncidents() throws Exception {
        // the LAPD sample (2.5 MB) cut into 300 kB parts: duplicates and locations settled across them
        SparkIngest.Options o = new SparkIngest.Options();
        o.partBytes = 300_000;
        SparkIngest.Result s = SparkIngest.read(spark, List.of(Path.of("test-data/lapd_sample10k.csv").toAbsolutePath().toString()), o);
        IncidentIngest.Result one = single(Path.of("test-data/lapd_sample10k.csv"));
        assertEquals(one.report().accepted(), s.accepted());
        assertEquals(one.report().rejected(), s.rejected().values().stream().mapToLong(Long::longValue).sum());
        assertTrue(SparkIngest.jobs(List.of(Path.of("test-data/lapd_sample10k.csv").toAbsolutePath().toString()),
                spark.sparkContext().hadoopConfiguration(), 300_000).size() > 5, "cut into parts");
    }

    @Test
    void gridHotSpotsEqualTheSingleMachineProcess() throws Exception {
        Path f = Path.of("test-data/chicago_2017_01.csv.gz");
        SparkIngest.Result s = SparkIngest.read(spark, List.of(f.toAbsolutePath().toString()), new SparkIngest.Options());
        HotSpotsJob.Result r = HotSpotsJob.run(spark, s.incidents(), Jobs.projection(spark, s, null), Grid.Shape.HEXAGON, 500, null, true);
        SimpleFeatureCollection incidents = new org.crimeanalytics.geo.IncidentCollection(single(f).table());
        Map<String, Object> out = new org.crimeanalytics.process.HotSpotsProcess().execute(incidents, null, null, 500.0, Grid.Shape.HEXAGON,
                null, null, null, null, true, null, null, null, null, null, null);
        Map<String, Object[]> expected = new HashMap<>();
        try (SimpleFeatureIterator it = ((SimpleFeatureCollection) out.get("result")).features()) {
            while (it.hasNext()) {
                SimpleFeature c = it.next();
                expected.put((String) c.getAttribute("CELL_ID"), new Object[] {c.getAttribute("JOIN_COUNT"), c.getAttribute("GiZScore"),
                    c.getAttribute("Gi_Bin")});
            }
        }
        List<Row> cells = r.cells().collectAsList();
        assertEquals(expected.size(), cells.size(), "cells");
        double worst = 0;
        for (Row c : cells) {
            Object[] e = expected.get(c.getString(0));
            assertEquals(e[0], c.getInt(3), c.getString(0));
            if (e[1] == null) {
                assertTrue(c.isNullAt(4));
            } else {
                worst = Math.max(worst, Math.abs((Double) e[1] - c.getDouble(4)));
                assertEquals((Double) e[1], c.getDouble(4), 1e-9, c.getString(0));
            }
            assertEquals(e[2], c.getInt(7), c.getString(0));
        }
        System.out.printf("Spark Gi*: %d cells equal, largest |dz| %.2e%n", cells.size(), worst);
    }
}

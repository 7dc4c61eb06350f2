package org.crimeanalytics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Argument errors are one line naming the argument, found before Spark starts (no Spark session here). */
class JobsArgumentsTest {

    static String error(String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Jobs.check(args[0], Jobs.parse(args)));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    static void ok(String... args) {
        Jobs.check(args[0], Jobs.parse(args));
    }

    @Test
    void badArgumentsAreNamed() {
        String io = "--input x.csv --output o ";
        assertTrue(error((("hotspots " + io + "--cellsize 250")).split(" ")).startsWith("--cellsize: not an argument of hotspots"));
        assertTrue(error(("hotspots " + io).split(" ")).startsWith("--cell-size: give"));
        assertTrue(error(("hotspots " + io + "--cell-size 0.5").split(" ")).startsWith("--cell-size: must be 1 to 1,000,000 metres"));
        assertTrue(error(("hotspots " + io + "--cell-size 250 --cell-size 500").split(" ")).startsWith("--cell-size: given twice"));
        assertTrue(error(("clusters " + io + "--method DBSCAN --k 5").split(" ")).startsWith("--k: not an argument of --method DBSCAN"));
        assertTrue(error(("clusters " + io + "--eps 200").split(" ")).startsWith("--eps: not an argument of --method KMEANS"));
        assertTrue(error(("clusters " + io + "--method dbscan --eps 300 --tile-size 500").split(" ")).startsWith("--tile-size: must be at least 2 eps"));
        assertTrue(error(("kde " + io + "--cell-size 100 --bandwidth 500 --bandwidth-rule SCOTT").split(" ")).startsWith("--bandwidth-rule: only without"));
        assertTrue(error(("areas " + io + "--areas a.geojson --rate-base 100000").split(" ")).startsWith("--rate-base: only with --population"));
        assertTrue(error(("hotspots " + io + "--cell-size 250 --format Oslo").split(" ")).startsWith("--format: one of"));
        assertTrue(error(("hotspots " + io + "--cell-size 250 --columns nonsense").split(" ")).startsWith("--columns: "));
        assertTrue(error(("hotspots --input x.csv --output jdbc:postgresql://h/db?user=u --cell-size 250").split(" "))
                .startsWith("--output: a JDBC URL needs table=NAME"));
        assertTrue(error(("hotspots " + io + "--cell-size 250 --crs EPSG:4326").split(" ")).startsWith("--crs: EPSG:4326 is not a projected CRS"));
        assertTrue(error(("hotspots " + io + "--cell-size 250 --crs EPSG:3857").split(" ")).startsWith("--crs: EPSG:3857 is a (Web) Mercator"));
        assertTrue(error(("nosuchjob " + io).split(" ")).startsWith("unknown job 'nosuchjob'"));
        ok(("hotspots " + io + "--cell-size 250 --format chicago --date-order mdy --crs EPSG:3435").split(" "));
        ok(("clusters " + io + "--method dbscan --eps 150 --min-points 20 --tile-size 5000").split(" "));
    }

    /** Distances are metres whatever the CRS: Illinois East state plane is in US survey feet. */
    @Test
    void aCrsInFeetIsScaledToMetres() {
        Projection p = new Projection("EPSG:3435");
        assertEquals(1200.0 / 3937.0, p.metresPerUnit(), 1e-15);
        // two points 0.01 degree of latitude apart (about 1,112 m) are about 1,112 m apart in the scaled coordinates
        double[] a = p.project(-87.63, 41.88), b = p.project(-87.63, 41.89);
        assertEquals(1112, Math.hypot(a[0] - b[0], a[1] - b[1]), 3);
        assertEquals(-87.63, p.toLonLat(new org.locationtech.jts.geom.GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(a[0], a[1])))
                .getCoordinate().x, 1e-9);
        assertEquals(1.0, new Projection("EPSG:32616").metresPerUnit());
    }

    /** A clusters job writing to a database names its two tables without touching the other parameters. */
    @Test
    void jdbcOutputsGetTheirOwnTables() {
        assertEquals("jdbc:postgresql://h/db?table=c_incidents&user=u&password=p",
                GeoOutput.part("jdbc:postgresql://h/db?table=c&user=u&password=p", "incidents"));
        assertEquals("jdbc:postgresql://h/db?user=u&table=c_clusters", GeoOutput.part("jdbc:postgresql://h/db?user=u&table=c", "clusters"));
        assertEquals("/tmp/out/clusters", GeoOutput.part("/tmp/out", "clusters"));
    }

    /** An existing output directory is not replaced unless asked. */
    @Test
    void anExistingOutputNeedsOverwrite(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertTrue(error("hotspots", "--input", "x.csv", "--output", dir.toString(), "--cell-size", "250")
                .startsWith("--output: " + dir + " exists; give another directory or add --overwrite"));
        ok("hotspots", "--input", "x.csv", "--output", dir.toString(), "--cell-size", "250", "--overwrite");
        ok("hotspots", "--input", "x.csv", "--output", dir.resolve("new").toString(), "--cell-size", "250");
    }
}

package org.crimeanalytics.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.sedona_sql.UDT.GeometryUDT;
import org.apache.spark.sql.types.DataType;

/**
 * Job outputs: GeoParquet 1.x (Sedona's writer) with the geometry in longitude/latitude and the CRS written out as
 * PROJJSON (OGC:CRS84, as PROJ's {@code projinfo -o PROJJSON OGC:CRS84} gives it), so that GDAL, GeoPandas, QGIS and
 * Sedona read the right CRS; or a PostGIS table over JDBC ({@code --output jdbc:postgresql://...?table=name}: geometry as
 * WKB with SRID 4326, published by GeoServer with the project's SLDs).
 */
public final class GeoOutput {

    private GeoOutput() {}

    /** The geometry column's type in job outputs. */
    public static final DataType GEOMETRY = new GeometryUDT();

    /** PROJJSON of OGC:CRS84. */
    public static String crs84() {
        try (InputStream in = GeoOutput.class.getResourceAsStream("crs84.projjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("crs84.projjson missing from the jar", e);
        }
    }

    /** The output {@code name} under {@code output}: a subdirectory, or for a JDBC URL the table {@code TABLE_name}. */
    public static String part(String output, String name) {
        if (!output.startsWith("jdbc:")) return output + "/" + name;
        return output.replaceFirst("([?&]table=)([^&]+)", "$1$2_" + name);
    }

    /** Writes {@code d} (a {@code geometry} column in longitude/latitude) to {@code output}, replacing what is there. */
    public static void write(Dataset<Row> d, String output) {
        write(d, output, true);
    }

    /**
     * Writes {@code d} to {@code output}; an existing table is replaced only when {@code overwrite} (an existing directory
     * is refused by the argument check before the job reads anything).
     */
    public static void write(Dataset<Row> d, String output, boolean overwrite) {
        if (output.startsWith("jdbc:")) {
            writeJdbc(d, output, overwrite);
            return;
        }
        d.write().mode(SaveMode.Overwrite).format("geoparquet").option("geoparquet.crs", crs84()).save(output);
    }

    /**
     * {@code jdbc:postgresql://host/db?user=..&password=..&table=name}: the table (replaced) with the geometry as EWKB
     * (SRID 4326) in a {@code bytea} column {@code geom_wkb}; {@code ALTER TABLE name ALTER geom_wkb TYPE geometry USING
     * ST_GeomFromEWKB(geom_wkb)} makes it a PostGIS geometry (see the README).
     */
    static void writeJdbc(Dataset<Row> d, String url, boolean overwrite) {
        String table = null;
        StringBuilder rest = new StringBuilder();
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        if (q >= 0) for (String kv : url.substring(q + 1).split("&")) {
            if (kv.startsWith("table=")) table = kv.substring(6);
            else rest.append(rest.length() == 0 ? "?" : "&").append(kv);
        }
        if (table == null || table.isBlank()) throw new IllegalArgumentException("--output: a JDBC URL needs table=NAME, e.g. jdbc:postgresql://host/db?table=hotspots");
        Dataset<Row> w = d;
        if (java.util.Arrays.asList(d.columns()).contains("geometry")) {
            w = d.selectExpr("*", "ST_AsEWKB(ST_SetSRID(geometry, 4326)) AS geom_wkb").drop("geometry"); // Sedona's functions
        }
        try {
            w.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists).jdbc(base + rest, table, new java.util.Properties());
        } catch (Exception e) {
            if (!overwrite && String.valueOf(e.getMessage()).contains("already exists")) {
                throw new IllegalArgumentException("--output: table " + table + " exists; give another table or add --overwrite");
            }
            throw e;
        }
    }
}

package org.crimeanalytics.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RasterWriteTest {

    private static GridCoverage2D coverage(int side) {
        float[][] v = new float[side][side];
        for (int r = 0; r < side; r++) for (int c = 0; c < side; c++) v[r][c] = r * side + c;
        return new GridCoverageFactory().create("density", v, new ReferencedEnvelope(0, 1, 0, 1, DefaultGeographicCRS.WGS84));
    }

    @Test
    void aSmallerRasterOverALargerFileLeavesNothingOfTheOldOne(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("fresh.tif"), over = dir.resolve("over.tif");
        Main.write("raster", coverage(10), fresh);
        Main.write("raster", coverage(200), over);
        long big = Files.size(over);
        Main.write("raster", coverage(10), over);
        assertTrue(Files.size(fresh) < big / 10, "the small raster is the smaller file");
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(over));
    }

    @Test
    void aLinkStaysALinkAndItsTargetGetsTheRaster(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("fresh.tif"), target = dir.resolve("target.tif"), link = dir.resolve("link.tif");
        Main.write("raster", coverage(10), fresh);
        Main.write("raster", coverage(200), target);
        try {
            Files.createSymbolicLink(link, target.getFileName());
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("skipped: no symbolic links here (" + e + ")");
        }
        Main.write("raster", coverage(10), link);
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(target));
    }
}

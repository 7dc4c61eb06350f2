package org.crimeanalytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output path that cannot be written is refused before any work, in one line naming the output. */
class OutputPathTest {

    @TempDir
    Path dir;

    @Test
    void aFolderOrAPathUnderAFileIsRefusedANewFileInNewFoldersIsNot() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertEquals("-o result: " + dir + " is a folder, not a file",
                assertThrows(CliException.class, () -> Main.checkWritable("result", dir)).getMessage());
        assertEquals("-o clusters: cannot write " + file.resolve("c.geojson") + " (" + file + " is a file)",
                assertThrows(CliException.class, () -> Main.checkWritable("clusters", file.resolve("c.geojson"))).getMessage());
        assertEquals("-o clusters: cannot write " + file.resolve("a/b/c.geojson") + " (" + file + " is a file)",
                assertThrows(CliException.class, () -> Main.checkWritable("clusters", file.resolve("a/b/c.geojson"))).getMessage());
        Main.checkWritable("result", dir.resolve("new/sub/folders/out.geojson")); // created by the writer
        Main.checkWritable("result", file); // an existing file is overwritten
    }

    @Test
    void anOutputWhoseWritingFailsIsRemovedNotLeftLookingWhole() throws Exception {
        // features whose reading fails after 3,000 of them (a database gone, a run stopped): no partial CSV or GeoJSON
        org.geotools.feature.simple.SimpleFeatureTypeBuilder tb = new org.geotools.feature.simple.SimpleFeatureTypeBuilder();
        tb.setName("t");
        tb.setCRS(org.crimeanalytics.geo.Crs.wgs84());
        tb.add("geom", org.locationtech.jts.geom.Point.class);
        tb.add("offense", String.class);
        org.geotools.api.feature.simple.SimpleFeatureType type = tb.buildFeatureType();
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        org.geotools.data.simple.SimpleFeatureCollection failing = new org.geotools.feature.collection.BaseSimpleFeatureCollection(type) {
            @Override
            public org.geotools.data.simple.SimpleFeatureIterator features() {
                return new org.geotools.data.simple.SimpleFeatureIterator() {
                    int i;

                    @Override
                    public boolean hasNext() {
                        return true;
                    }

                    @Override
                    public org.geotools.api.feature.simple.SimpleFeature next() {
                        if (i == 3000) throw new IllegalStateException("the source went away");
                        return org.geotools.feature.simple.SimpleFeatureBuilder.build(type,
                                new Object[] {gf.createPoint(new org.locationtech.jts.geom.Coordinate(1, 2)), "THEFT " + i}, "t." + i++);
                    }

                    @Override
                    public void close() {}
                };
            }
        };
        for (String name : new String[] {"out.csv", "out.geojson"}) {
            Path out = dir.resolve(name);
            Files.writeString(out, "an older result");
            assertEquals("the source went away", assertThrows(IllegalStateException.class, () -> Main.write("result", failing, out)).getMessage());
            assertEquals(false, Files.exists(out), name);
        }
        // through a link: the link stays, its target is emptied
        Path target = Files.writeString(dir.resolve("target.csv"), "an older result");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        assertThrows(IllegalStateException.class, () -> Main.write("result", failing, link));
        assertEquals(true, Files.isSymbolicLink(link));
        assertEquals(0, Files.size(target));
    }

    /**
     * A write that fails on something that is not a regular file (a named pipe here; /dev/full in the new-user trial,
     * which the removal of partial outputs deleted, run as root) leaves it in place, and the error names the output.
     */
    @Test
    void aFailedWriteToADeviceOrPipeNamesTheOutputAndLeavesItInPlace() throws Exception {
        Path fifo = dir.resolve("pipe");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is not available here");
        assertEquals(false, Main.removePartial(fifo));
        assertEquals(true, Files.exists(fifo));
        assertEquals(false, Main.removePartial(dir)); // nor a folder
        Path full = java.nio.file.Paths.get("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full) && !Files.isRegularFile(full), "no /dev/full device here");
        assertEquals("-o summary=/dev/full: No space left on device",
                assertThrows(Main.OutputException.class, () -> Main.write("summary", "{\"a\": 1}", full)).getMessage());
        assertEquals(true, Files.exists(full) && !Files.isRegularFile(full));
    }
}

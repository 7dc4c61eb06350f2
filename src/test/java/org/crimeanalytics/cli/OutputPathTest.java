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
}

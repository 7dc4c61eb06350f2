package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.predict.Trainer;
import org.geotools.data.util.NullProgressListener;
import org.geotools.process.ProcessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model store cannot lose an analyst's model (issue #20): a name is not replaced unless asked, a model with an
 * owner only by that owner, a model or a store over its size limit is refused, and a cancelled run stops between
 * chunks of trees and stores nothing, reporting progress on the way.
 */
class TrainModelStoreTest {

    Path store;

    @BeforeEach
    void store() throws Exception {
        store = Files.createTempDirectory("crime-models");
        System.setProperty("crime.modelStore", store.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("crime.modelStore");
        System.clearProperty("crime.maxModelMB");
    }

    static Map<String, Object> train(String name, Boolean overwrite, Trainer.Learner learner, Integer trees,
            org.geotools.api.util.ProgressListener monitor) {
        return new TrainModelProcess().execute(name, null, ProcessCatalogTest.lapdIncidents(), null, null, learner, trees, null, null, null,
                0, null, null, overwrite, monitor);
    }

    @Test
    void aModelIsNotReplacedUnlessItsOwnerAsks() throws Exception {
        train("shared", null, Trainer.Learner.J48, null, null);
        String card = Files.readString(store.resolve("shared.json"), StandardCharsets.UTF_8);
        assertTrue(card.contains("\"trained_by\""), card);
        ProcessException again = assertThrows(ProcessException.class, () -> train("shared", null, Trainer.Learner.J48, null, null));
        assertEquals("name: a model named 'shared' exists; give overwrite=true to replace it", again.getMessage());
        train("shared", true, Trainer.Learner.NAIVE_BAYES, null, null); // its owner (this user) may
        assertTrue(Files.readString(store.resolve("shared.json")).contains("NAIVE_BAYES"));
        // an analyst's model: nobody else replaces it, even asking
        Files.writeString(store.resolve("shared.json"), Files.readString(store.resolve("shared.json"))
                .replaceFirst("\"trained_by\": \"[^\"]*\"", "\"trained_by\": \"alice\""));
        long before = Files.size(store.resolve("shared.model"));
        ProcessException stranger = assertThrows(ProcessException.class, () -> train("shared", true, Trainer.Learner.J48, null, null));
        assertTrue(stranger.getMessage().startsWith("name: the model 'shared' was trained by alice; only alice can replace it"),
                stranger.getMessage());
        assertEquals(before, Files.size(store.resolve("shared.model")));
    }

    @Test
    void aModelOverTheSizeLimitIsNotStored() throws Exception {
        System.setProperty("crime.maxModelMB", "0");
        ProcessException big = assertThrows(ProcessException.class, () -> train("big", null, Trainer.Learner.J48, null, null));
        assertTrue(big.getMessage().startsWith("trees: the model takes") && big.getMessage().contains("crime.maxModelMB"), big.getMessage());
        try (var files = Files.list(store)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).toList(), "nothing left in the store");
        }
    }

    @Test
    void aCancelledForestStopsBetweenChunksAndStoresNothing() throws Exception {
        List<Float> seen = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        NullProgressListener monitor = new NullProgressListener() {
            @Override
            public void progress(float percent) {
                seen.add(percent);
                if (tasks.get(tasks.size() - 1).contains("trees") && seen.size() > 3) setCanceled(true); // a Dismiss
            }

            @Override
            public void setTask(org.geotools.api.util.InternationalString task) {
                tasks.add(task.toString());
            }
        };
        long t0 = System.nanoTime();
        ProcessException e = assertThrows(ProcessException.class, () -> train("dismissed", null, Trainer.Learner.RANDOM_FOREST, 400, monitor));
        double s = (System.nanoTime() - t0) / 1e9;
        assertEquals("cancelled", e.getMessage());
        assertFalse(Files.exists(store.resolve("dismissed.model")));
        assertTrue(tasks.stream().anyMatch(t -> t.startsWith("Training the random forest: ")), tasks.toString());
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) >= seen.get(i - 1), "progress rises: " + seen);
        assertTrue(s < 60, "stopped after " + s + " s");
        // the same forest not cancelled: every chunk reported, and a model stored
        List<String> all = new ArrayList<>();
        train("whole", null, Trainer.Learner.RANDOM_FOREST, 20, new NullProgressListener() {
            @Override
            public void setTask(org.geotools.api.util.InternationalString task) {
                all.add(task.toString());
            }
        });
        assertTrue(all.contains("Training the random forest: 20 of 20 trees"), all.toString());
        assertTrue(Files.exists(store.resolve("whole.model")));
    }
}

package org.crimeanalytics.predict;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Trained models by name in a directory: {@code NAME.model} (the serialized {@link StoredModel}) and
 * {@code NAME.json} (its card). Writes go to a temporary file in the same directory and are then
 * moved over the old file atomically, so a crash leaves the previous model intact. Names are 1-64
 * letters, digits, '_' or '-' (no path can be smuggled in). The directory is, in order: the system
 * property {@code crime.modelStore}, {@code GEOSERVER_DATA_DIR/crime-models} (system property or
 * environment), else {@code java.io.tmpdir/crime-models}. A name is never replaced unless asked, and a model or the
 * store over its size limit is refused ({@link #save(String, StoredModel, String, boolean, long, long)}).
 */
public final class ModelStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final Path dir;

    public ModelStore(Path dir) {
        this.dir = dir;
    }

    /** The configured store. */
    public static ModelStore configured() {
        String p = System.getProperty("crime.modelStore");
        if (p != null && !p.isBlank()) return new ModelStore(Paths.get(p));
        String gs = System.getProperty("GEOSERVER_DATA_DIR", System.getenv("GEOSERVER_DATA_DIR"));
        if (gs != null && !gs.isBlank()) return new ModelStore(Paths.get(gs, "crime-models"));
        return new ModelStore(Paths.get(System.getProperty("java.io.tmpdir"), "crime-models"));
    }

    public Path directory() {
        return dir;
    }

    /** Throws IllegalArgumentException for a name that is not 1-64 of [A-Za-z0-9_-]. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name must be 1-64 letters, digits, '_' or '-', was '" + name + "'");
        }
        return name;
    }

    public void save(String name, StoredModel model, String cardJson) throws IOException {
        save(name, model, cardJson, true, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Why a model was not stored (an existing name, a size limit); nothing was written. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Whether a model of this name is stored. */
    public boolean exists(String name) {
        return Files.exists(dir.resolve(checkName(name) + ".model"));
    }

    /**
     * Stores a model and its card atomically, unless a model of that name exists and {@code overwrite} is false, the
     * serialized model is larger than {@code maxModelBytes}, or the store's models would then exceed
     * {@code maxStoreBytes} (the replaced model not counted): {@link Refused}, and nothing is left behind.
     */
    public void save(String name, StoredModel model, String cardJson, boolean overwrite, long maxModelBytes, long maxStoreBytes)
            throws IOException {
        checkName(name);
        Files.createDirectories(dir);
        if (!overwrite && exists(name)) throw new Refused("a model named '" + name + "' exists; give overwrite=true to replace it");
        Path tmpModel = Files.createTempFile(dir, name, ".model.tmp");
        Path tmpCard = Files.createTempFile(dir, name, ".json.tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmpModel); ObjectOutputStream oo = new ObjectOutputStream(o)) {
                oo.writeObject(model);
            }
            long size = Files.size(tmpModel);
            if (size > maxModelBytes) {
                throw new Refused("the model takes " + mb(size) + " MB, more than the limit of " + mb(maxModelBytes)
                        + " MB (system property crime.maxModelMB)");
            }
            long others = 0;
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    String f = p.getFileName().toString();
                    if (f.endsWith(".model") && !f.equals(name + ".model")) others += Files.size(p);
                }
            }
            if (others + size > maxStoreBytes) {
                throw new Refused("the store would hold " + mb(others + size) + " MB of models, more than the limit of "
                        + mb(maxStoreBytes) + " MB (system property crime.maxModelStoreMB); delete old models from " + dir);
            }
            if (!overwrite && exists(name)) throw new Refused("a model named '" + name + "' exists; give overwrite=true to replace it");
            Files.writeString(tmpCard, cardJson, StandardCharsets.UTF_8);
            move(tmpModel, dir.resolve(name + ".model"));
            move(tmpCard, dir.resolve(name + ".json"));
        } finally {
            Files.deleteIfExists(tmpModel);
            Files.deleteIfExists(tmpCard);
        }
    }

    private static long mb(long bytes) {
        return Math.round(bytes / 1048576.0);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Loads a model; IOException with a clear message when missing or unreadable. */
    public StoredModel load(String name) throws IOException {
        checkName(name);
        Path p = dir.resolve(name + ".model");
        if (!Files.exists(p)) throw new IOException("no model named '" + name + "' in " + dir);
        try (InputStream in = Files.newInputStream(p); ObjectInputStream oi = new ObjectInputStream(in)) {
            Object o = oi.readObject();
            if (!(o instanceof StoredModel m)) throw new IOException("model '" + name + "' is not a crime-analytics model");
            return m;
        } catch (ClassNotFoundException | java.io.ObjectStreamException | ClassCastException e) {
            throw new IOException("model '" + name + "' is corrupt or from an incompatible version: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw new IOException("model '" + name + "' is truncated (corrupt file)");
        }
    }

    public String card(String name) throws IOException {
        checkName(name);
        Path p = dir.resolve(name + ".json");
        if (!Files.exists(p)) throw new IOException("no model card for '" + name + "' in " + dir);
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}

package org.crimeanalytics.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.ingest.ParallelIngest;
import org.crimeanalytics.io.Inputs;

/**
 * CSV files of incidents named on the command line ({@code key=@file.csv}, {@code key=@dir/crimes_*.csv.gz}), read
 * from the moment the command starts, before GeoTools and the process registry are initialised (about half a second
 * on one core), so that the parse overlaps that start-up. Only GeoTools-free classes run here. A read is used only
 * when the parameter turns out to take features, with the options the command line always uses; an early read that
 * failed is done again the usual way (which reports the failure as always), and the reads nobody took are cancelled.
 */
final class EarlyReads {

    private final Map<String, Future<IncidentIngest.Result>> reads = new LinkedHashMap<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private EarlyReads() {}

    /** Starts a read for every {@code key=@...} argument naming existing CSV files (the options and outputs skipped). */
    static EarlyReads start(String[] args) {
        EarlyReads e = new EarlyReads();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("-o") || args[i].equals("--map")) {
                i++;
                continue;
            }
            int eq = args[i].indexOf('=');
            if (eq <= 0 || !args[i].startsWith("@", eq + 1)) continue;
            String raw = args[i].substring(eq + 1);
            List<Path> files = files(raw.substring(1));
            if (files == null || e.reads.containsKey(raw)) continue;
            String name = raw.matches(".*[*?\\[{].*") ? raw.substring(1) : files.get(0).getFileName().toString();
            FutureTask<IncidentIngest.Result> task = new FutureTask<>(() -> {
                IncidentIngest.Options o = new IncidentIngest.Options(); // what ImportIncidentsProcess.options(null, ...) gives
                return ParallelIngest.read(files, name, new IncidentIngest(o), o, Runtime.getRuntime().availableProcessors(),
                        Inputs::open, e.cancelled::get, null);
            });
            Thread t = new Thread(task, "early-read");
            t.setDaemon(true);
            t.start();
            e.reads.put(raw, task);
        }
        return e;
    }

    /** The CSV files a value names, as {@link Values} would read them (a glob in name order), or null: not CSV files. */
    static List<Path> files(String pattern) {
        List<Path> files = new ArrayList<>();
        try {
            if (pattern.matches(".*[*?\\[{].*")) {
                Path p = Path.of(pattern);
                Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
                java.nio.file.PathMatcher m = dir.getFileSystem().getPathMatcher("glob:" + p.getFileName());
                try (java.util.stream.Stream<Path> s = Files.list(dir)) {
                    s.filter(f -> m.matches(f.getFileName())).sorted().forEach(files::add);
                }
            } else {
                files.add(Path.of(pattern));
            }
        } catch (IOException | RuntimeException ex) {
            return null;
        }
        if (files.isEmpty()) return null;
        for (Path f : files) {
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!Files.isRegularFile(f) || !(n.endsWith(".csv") || n.endsWith(".csv.gz") || n.endsWith(".txt") || n.endsWith(".tsv"))) {
                return null;
            }
        }
        return files;
    }

    /** The finished early read of {@code raw} (waiting for it), or null: none, or it failed (read it the usual way). */
    IncidentIngest.Result take(String raw) {
        Future<IncidentIngest.Result> f;
        synchronized (reads) {
            f = reads.remove(raw);
        }
        if (f == null) return null;
        try {
            return f.get();
        } catch (ExecutionException ex) {
            return null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Cancels the reads not taken (a parameter that was not features after all). */
    void cancelRest() {
        cancelled.set(true);
    }
}

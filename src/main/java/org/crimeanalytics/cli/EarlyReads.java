package org.crimeanalytics.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.ingest.ParallelIngest;
import org.crimeanalytics.io.Inputs;
import org.geotools.api.util.ProgressListener;

/**
 * The CSV files of incidents named on the command line ({@code incidents=@file.csv},
 * {@code incidents=@dir/crimes_*.csv.gz}), read from the moment the command starts, before GeoTools and the process
 * registry are initialised (about half a second on one core), so that the parse overlaps that start-up. Only
 * GeoTools-free classes run here. A read is used only when the parameter takes features, with the options the command
 * line always uses; an export whose x/y need a CRS conversion (Vancouver's UTM), or any early read that failed, is read
 * again the usual way (which reports any failure as always); the reads nobody took are cancelled once the inputs are
 * converted. While the caller waits for a read, its progress is reported as the usual read reports it. A GeoJSON file
 * given to any parameter (areas, study areas) is parsed early into maps and lists; its features are built when taken.
 */
final class EarlyReads {

    /** The one parameter read early: the processes' incidents. */
    static final String KEY = "incidents";

    private record Read(Future<IncidentIngest.Result> result, AtomicLong consumed, long size) {}

    private final Map<String, Read> reads = new LinkedHashMap<>();
    private final Map<String, Future<Object>> trees = new LinkedHashMap<>();

    /** Whether a value names one existing GeoJSON file. */
    private static boolean isJson(String raw) {
        String n = raw.toLowerCase(java.util.Locale.ROOT);
        return (n.endsWith(".geojson") || n.endsWith(".json")) && !Values.isGlob(raw) && Files.isRegularFile(Path.of(raw.substring(1)));
    }

    /** The parsed JSON of {@code raw}'s file (waiting for it), or null: none, or it failed (read it the usual way). */
    Object takeJson(String raw) {
        Future<Object> f;
        synchronized (reads) {
            f = trees.remove(raw);
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
            if (isJson(raw) && !e.trees.containsKey(raw)) { // areas, study areas: the JSON parsed (no GeoTools), features built later
                Path file = Path.of(raw.substring(1));
                FutureTask<Object> tree = new FutureTask<>(() -> org.crimeanalytics.json.Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
                Thread t = new Thread(tree, "early-json");
                t.setDaemon(true);
                t.start();
                e.trees.put(raw, tree);
                continue;
            }
            if (!args[i].substring(0, eq).equals(KEY)) continue;
            List<Path> files = files(raw.substring(1));
            if (files == null || e.reads.containsKey(raw)) continue;
            String name = Values.isGlob(raw) ? raw.substring(1) : files.get(0).getFileName().toString();
            AtomicLong consumed = new AtomicLong();
            long size = 0;
            try {
                for (Path f : files) size += Files.size(f);
            } catch (IOException ex) {
                continue;
            }
            FutureTask<IncidentIngest.Result> task = new FutureTask<>(() -> {
                // ImportIncidentsProcess.options(null, ...) but for the x/y conversion, which needs GeoTools: not here
                IncidentIngest.Options o = new IncidentIngest.Options();
                o.converterFor = code -> {
                    throw new IllegalStateException("x/y in " + code + ": read the usual way");
                };
                return ParallelIngest.read(files, name, new IncidentIngest(o), o, Runtime.getRuntime().availableProcessors(),
                        Inputs::open, e.cancelled::get, consumed);
            });
            Thread t = new Thread(task, "early-read");
            t.setDaemon(true);
            t.start();
            e.reads.put(raw, new Read(task, consumed, size));
        }
        return e;
    }

    /** The CSV files a value names, as {@link Values} would read them (a glob in name order), or null: not CSV files. */
    static List<Path> files(String pattern) {
        List<Path> files;
        try {
            files = Values.isGlob(pattern) ? Values.globbed(pattern) : List.of(Path.of(pattern));
        } catch (IOException | RuntimeException ex) {
            return null;
        }
        if (files.isEmpty()) return null;
        for (Path f : files) if (!Files.isRegularFile(f) || !Values.isCsv(f)) return null;
        return files;
    }

    /**
     * The finished early read of {@code raw}, or null: none, or it failed (read it the usual way). While waiting, tells
     * {@code monitor} what the usual read tells it: the task, then the share of the bytes read every quarter second.
     */
    IncidentIngest.Result take(String raw, ProgressListener monitor) {
        Read r;
        synchronized (reads) {
            r = reads.remove(raw);
        }
        if (r == null) return null;
        try {
            if (monitor != null) {
                monitor.started();
                monitor.setTask(org.geotools.text.Text.text("Reading incidents")); // as ImportIncidentsProcess.ingestFiles
            }
            while (true) {
                if (monitor != null && r.size > 0) monitor.progress(Math.min(99f, 100f * r.consumed.get() / r.size));
                try {
                    return r.result.get(250, TimeUnit.MILLISECONDS);
                } catch (TimeoutException ex) {
                    // still reading: report again
                }
            }
        } catch (ExecutionException ex) {
            return null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Cancels the reads not taken (a parameter that was not features after all) and drops their results. */
    void cancelRest() {
        cancelled.set(true);
        synchronized (reads) {
            reads.clear();
            trees.clear();
        }
    }
}

package org.crimeanalytics.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Ingests files on several cores, with the same result as reading them one row after another.
 *
 * <p>An uncompressed CSV file is cut into parts ({@link #PARTS_PER_THREAD} a thread) at the first line end after even
 * split points. The parts are parsed in parallel under one column mapping decided from the file's first rows, then joined in
 * order: line numbers shifted, duplicates across parts, placeholder locations and the report settled
 * over the whole ({@link IncidentIngest#finish}). A cut inside a quoted field (a line break within a
 * field) leaves the part before it ending inside quotes: then the file is read again in one piece, so
 * the result is always the one-piece result. Several files (a compressed file cannot be cut) are read in
 * parallel, one per thread, with duplicates settled across files.
 */
public final class ParallelIngest {

    /** Files smaller than this are read in one piece. */
    static final long MIN_PART_BYTES = 8L << 20;

    /**
     * Parts of a plain file per thread: the threads take parts from one queue, so one slowed down (by the JIT, the
     * collector or GeoTools starting on the same cores) leaves less to finish alone. Seeds' job on the joined 264 MB
     * CSV, 2 cores, 12 parts instead of 2: medians of 5 alternating runs 4.20 -> 3.85 s and 4.04 -> 3.76 s, outputs
     * byte-identical. More cuts make a cut inside a quoted line break more likely: a file with many records spanning
     * lines is then read again in one piece, on one thread.
     */
    static final int PARTS_PER_THREAD = 6;

    private ParallelIngest() {}

    /** Opens a file (decompressing .gz); {@code consumed} counts the bytes read from disk. */
    public interface Opener {
        InputStream open(Path p, AtomicLong consumed) throws IOException;
    }

    /**
     * Reads {@code files} (one or more, the same export) with {@code threads} threads into one result.
     *
     * @param consumed counts the bytes read from disk, for progress (may be null)
     */
    public static IncidentIngest.Result read(List<Path> files, String name, IncidentIngest ingest, IncidentIngest.Options o,
            int threads, Opener opener, BooleanSupplier cancelled, AtomicLong consumed) throws IOException {
        AtomicLong count = consumed == null ? new AtomicLong() : consumed;
        long T0 = System.nanoTime();
        // the mapping, from the first file's header and first rows
        IncidentIngest.Plan plan;
        List<String> header;
        char delimiter;
        double rowBytes;
        List<String[]> sample;
        boolean decimalComma;
        try (CsvRowSource head = new CsvRowSource(opener.open(files.get(0), null))) {
            header = head.header();
            delimiter = head.delimiter();
            rowBytes = head.sampleRowBytes();
            sample = head.sample();
            decimalComma = head.decimalComma();
        }
        // the formats (the dates' order and time of day, decimal commas) are read from the first rows: those of the first
        // file that has any (an empty daily file first in a glob left them unknown, and every time of day was lost)
        for (int k = 1; sample.isEmpty() && k < files.size(); k++) {
            try (CsvRowSource next = new CsvRowSource(opener.open(files.get(k), null))) {
                if (!next.header().equals(header)) break; // its parse says so
                rowBytes = next.sampleRowBytes();
                sample = next.sample();
                decimalComma = next.decimalComma();
            }
        }
        plan = ingest.plan(header, sample, false, decimalComma);
        List<Job> jobs = new ArrayList<>();
        for (Path f : files) {
            String fname = f.getFileName().toString();
            boolean gz = fname.toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
            long size = Files.size(f);
            if (gz || files.size() > 1 || threads < 2 || size < 2 * MIN_PART_BYTES) {
                jobs.add(new Job(f, fname, -1, -1, 0, expected(size * (gz ? 4 : 1), rowBytes)));
            } else {
                long[][] cuts = cut(f, size, (int) Math.min((long) threads * PARTS_PER_THREAD, size / MIN_PART_BYTES));
                if (cuts == null) {
                    jobs.add(new Job(f, fname, -1, -1, 0, expected(size, rowBytes)));
                } else {
                    for (long[] c : cuts) jobs.add(new Job(f, fname, c[0], c[1], c[2], expected(c[1] - c[0], rowBytes)));
                }
            }
        }
        long T1 = System.nanoTime();
        List<IncidentIngest.Part> parts = run(jobs, plan, ingest, o, header, delimiter, threads, opener, cancelled, count);
        long T2 = System.nanoTime();
        if (parts == null) { // a part ended inside a quoted field: read the file in one piece
            count.set(0); // progress starts again
            jobs = List.of(new Job(files.get(0), files.get(0).getFileName().toString(), -1, -1, 0, 0));
            parts = run(jobs, plan, ingest, o, header, delimiter, 1, opener, cancelled, count);
        }
        List<String> names = new ArrayList<>();
        for (Job j : jobs) names.add(j.name);
        // parts of one file: shift each part's line numbers by the lines before it (the header's included)
        long offset = 0;
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).start < 0) continue;
            if (i == 0 || !jobs.get(i - 1).file.equals(jobs.get(i).file)) offset = jobs.get(i).headerLines;
            IncidentIngest.Part p = parts.get(i);
            p.shiftLines(offset);
            offset += p.lines;
        }
        IncidentIngest.Result res = ingest.finish(plan, name, parts, names);
        if (Boolean.getBoolean("crime.timing")) System.err.printf("  [timing] plan %.2f s, %d parts parsed %.2f s, finish %.2f s%n",
                (T1 - T0) / 1e9, jobs.size(), (T2 - T1) / 1e9, (System.nanoTime() - T2) / 1e9);
        return res;
    }

    /** One part to read: a whole file (start -1), or the bytes [start, end) of one whose header has headerLines lines. */
    private record Job(Path file, String name, long start, long end, long headerLines, int expectedRows) {}

    private static int expected(long bytes, double rowBytes) {
        return rowBytes <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE - 16, bytes / rowBytes * 1.05);
    }

    private static List<IncidentIngest.Part> run(List<Job> jobs, IncidentIngest.Plan plan, IncidentIngest ingest,
            IncidentIngest.Options o, List<String> header, char delimiter, int threads, Opener opener, BooleanSupplier cancelled,
            AtomicLong count) throws IOException {
        // whole files (compressed, or several) cannot be cut to equal sizes: up to 8 of them at once (or one a core, if
        // more), so the cores share the work to the end instead of the last file running alone; one thread if asked
        boolean wholeFiles = jobs.stream().allMatch(j -> j.start < 0);
        int size = wholeFiles && threads > 1 ? Math.min(jobs.size(), Math.max(threads, 8)) : Math.min(threads, jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, size), r -> {
            Thread t = new Thread(r, "ingest");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object[]>> futures = new ArrayList<>();
            for (int ji = 0; ji < jobs.size(); ji++) {
                Job j = jobs.get(ji);
                boolean first = ji == 0;
                futures.add(pool.submit(() -> {
                    if (j.start < 0) {
                        // the mapping's sample was read from the first file: here the header only (no 5,000 rows
                        // of Strings and 4 MB read-ahead per file held while the file is parsed)
                        try (CsvRowSource src = CsvRowSource.headerOnly(opener.open(j.file, count))) {
                            if (!src.header().equals(header)) {
                                throw new IngestException(j.name + ": its header differs from the first file's");
                            }
                            return new Object[] {ingest.parse(plan, src, j.expectedRows, cancelled, null, first), false};
                        }
                    }
                    // lines are counted from 1 in each part and shifted when the parts are joined
                    try (CsvRowSource src = new CsvRowSource(region(j.file, j.start, j.end, count), header, delimiter, 1)) {
                        IncidentIngest.Part part = ingest.parse(plan, src, j.expectedRows, cancelled, null, first);
                        return new Object[] {part, src.endedInsideQuote()};
                    }
                }));
            }
            List<IncidentIngest.Part> parts = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Object[] r = futures.get(i).get();
                if (Boolean.TRUE.equals(r[1]) && i < futures.size() - 1) return null;
                parts.add((IncidentIngest.Part) r[0]);
            }
            return parts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof IOException io) throw io;
            throw new IOException(c.getMessage(), c);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The bytes [start, end) of a file as a stream, counting them into {@code consumed}. */
    static InputStream region(Path f, long start, long end, AtomicLong consumed) throws IOException {
        FileChannel ch = FileChannel.open(f, StandardOpenOption.READ);
        ch.position(start);
        InputStream raw = Channels.newInputStream(ch);
        return new InputStream() {
            long left = end - start;

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                int b = raw.read();
                if (b >= 0) {
                    left--;
                    consumed.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int r = raw.read(b, off, (int) Math.min(len, left));
                if (r > 0) {
                    left -= r;
                    consumed.addAndGet(r);
                }
                return r;
            }

            @Override
            public void close() throws IOException {
                raw.close();
            }
        };
    }

    /**
     * Cuts a file into {@code parts} ranges {start, end} at line ends after the header: each part starts
     * after the first line end at or after an even split point. A line end inside a quoted field makes the
     * part before it end inside quotes, which {@link #run} detects (the file is then read in one piece);
     * null when there are not enough line ends.
     */
    static long[][] cut(Path f, long size, int parts) throws IOException {
        if (parts < 2) return null;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long[] starts = new long[parts];
            starts[0] = headerEnd(ch, size);
            if (starts[0] < 0) return null;
            for (int k = 1; k < parts; k++) {
                long b = lineEnd(ch, Math.max(starts[k - 1], size * k / parts), size);
                if (b < 0 || b >= size) return null;
                starts[k] = b;
            }
            long headerLines = 0; // a quoted header name may hold a line break
            ByteBuffer buf = ByteBuffer.allocate((int) starts[0]);
            ch.read(buf, 0);
            for (int i = 0; i < starts[0]; i++) if (buf.array()[i] == '\n') headerLines++;
            long[][] out = new long[parts][];
            for (int k = 0; k < parts; k++) out[k] = new long[] {starts[k], k + 1 < parts ? starts[k + 1] : size, headerLines};
            return out;
        }
    }

    /** The offset after the header record (a line end outside quotes); -1 when there is none. */
    private static long headerEnd(FileChannel ch, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        boolean quoted = false;
        long pos = 0;
        while (pos < size) {
            buf.clear();
            int r = ch.read(buf, pos);
            if (r <= 0) break;
            byte[] a = buf.array();
            for (int i = 0; i < r; i++) {
                if (a[i] == '"') quoted = !quoted;
                else if (a[i] == '\n' && !quoted) return pos + i + 1;
            }
            pos += r;
        }
        return -1;
    }

    /** The offset just after the first line end at or after {@code from}; -1 when there is none. */
    private static long lineEnd(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long pos = from;
        while (pos < size) {
            buf.clear();
            int r = ch.read(buf, pos);
            if (r <= 0) break;
            byte[] a = buf.array();
            for (int i = 0; i < r; i++) if (a[i] == '\n') return pos + i + 1;
            pos += r;
        }
        return -1;
    }
}

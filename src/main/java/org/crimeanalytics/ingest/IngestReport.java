package org.crimeanalytics.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.json.Json;

/**
 * Accounts for every input row: read = accepted + the sum of rejections by {@link Reason}. Keeps the
 * first {@value #SAMPLES} row references per reason (line numbers for CSV, feature ids for features).
 */
public final class IngestReport {

    public static final int SAMPLES = 10;

    private final String source;
    private long read;
    private long accepted;
    private long blankLines;
    private long swappedLooking;
    private final EnumMap<Reason, Long> counts = new EnumMap<>(Reason.class);
    private final EnumMap<Reason, List<String>> samples = new EnumMap<>(Reason.class);
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    public IngestReport(String source) {
        this.source = source;
    }

    void read() {
        read++;
    }

    void accept() {
        accepted++;
    }

    void reject(Reason r, String where) {
        counts.merge(r, 1L, Long::sum);
        List<String> s = samples.computeIfAbsent(r, k -> new ArrayList<>());
        if (s.size() < SAMPLES) s.add(where);
    }

    /** As {@link #reject(Reason, String)}, naming the row only when it is one of the samples kept. */
    void reject(Reason r, RowSource src) {
        counts.merge(r, 1L, Long::sum);
        List<String> s = samples.computeIfAbsent(r, k -> new ArrayList<>());
        if (s.size() < SAMPLES) s.add(src.where());
    }

    /**
     * Adds the counts of {@code part} (a part of the same source, or another file), its row references
     * prefixed with {@code prefix} (a file name, or "") and kept in order up to {@value #SAMPLES} per reason.
     */
    void add(IngestReport part, String prefix) {
        read += part.read;
        accepted += part.accepted;
        swappedLooking += part.swappedLooking;
        for (Reason r : part.counts.keySet()) {
            counts.merge(r, part.counts.get(r), Long::sum);
            List<String> s = samples.computeIfAbsent(r, k -> new ArrayList<>());
            for (String w : part.samples.getOrDefault(r, List.of())) if (s.size() < SAMPLES) s.add(prefix + w);
        }
    }

    /** Adds {@code offset} to the line numbers of the row references ("line N"). */
    void shiftLines(long offset) {
        for (List<String> l : samples.values()) {
            for (int i = 0; i < l.size(); i++) {
                String w = l.get(i);
                if (w.startsWith("line ")) l.set(i, "line " + (Long.parseLong(w.substring(5)) + offset));
            }
        }
    }

    /** Moves an accepted row to a rejection (the location checks that run after all rows are read). */
    void unaccept(Reason r, String where) {
        accepted--;
        reject(r, where);
    }

    /** A warning: in the report, and printed on the console by the command line. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    public List<String> warnings() {
        return warnings;
    }

    void blankLines(long n) {
        blankLines = n;
    }

    void swappedLooking() {
        swappedLooking++;
    }

    /** Adds a descriptive entry (format detected, columns used, ...). */
    public void detail(String key, Object value) {
        details.put(key, value);
    }

    public long rowsRead() {
        return read;
    }

    public long accepted() {
        return accepted;
    }

    public long rejected() {
        long r = 0;
        for (long c : counts.values()) r += c;
        return r;
    }

    public long rejected(Reason r) {
        return counts.getOrDefault(r, 0L);
    }

    public List<String> samples(Reason r) {
        return samples.getOrDefault(r, List.of());
    }

    public Map<String, Object> details() {
        return details;
    }

    /** Throws if a row is unaccounted for (a bug, never a data problem). */
    void checkBalanced() {
        if (accepted + rejected() != read) {
            throw new IllegalStateException("ingest report does not balance: read " + read + ", accepted "
                    + accepted + ", rejected " + rejected());
        }
    }

    /** The report as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.putAll(details);
        m.put("rows_read", read);
        m.put("accepted", accepted);
        m.put("rejected", rejected());
        Map<String, Object> by = new LinkedHashMap<>();
        for (Reason r : Reason.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("count", rejected(r));
            e.put("first", samples(r));
            e.put("meaning", r.description());
            by.put(r.key(), e);
        }
        m.put("rejected_by_reason", by);
        m.put("blank_lines_skipped", blankLines);
        m.put("warnings", warnings);
        if (swappedLooking > 0) {
            m.put("outside_extent_but_inside_if_lat_lon_swapped", swappedLooking);
        }
        return m;
    }

    public String toJson() {
        return Json.pretty(toMap());
    }
}

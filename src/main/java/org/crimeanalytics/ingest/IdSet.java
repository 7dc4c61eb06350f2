package org.crimeanalytics.ingest;

import java.util.List;

/**
 * The incident ids seen so far, over the rows of several tables, compared by their UTF-8 bytes in the tables (no
 * String per id): open addressing of (table, row) references with their hashes. Not thread-safe.
 */
final class IdSet {

    private final List<IncidentTable> tables;
    private long[] refs; // table << 32 | row, -1 empty
    private int[] hashes;
    private int size;

    IdSet(List<IncidentTable> tables, int expected) {
        this.tables = tables;
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        refs = new long[cap];
        java.util.Arrays.fill(refs, -1);
        hashes = new int[cap];
    }

    /** Adds the id of row {@code row} of table {@code t}; false when an equal id was present. A row without an id is never a duplicate. */
    boolean add(int t, int row) {
        IncidentTable tab = tables.get(t);
        if (!tab.hasId(row)) return true;
        int h = tab.idHash(row);
        h ^= h >>> 16;
        int mask = refs.length - 1;
        int i = h & mask;
        while (refs[i] >= 0) {
            if (hashes[i] == h && tab.idEquals(row, tables.get((int) (refs[i] >>> 32)), (int) refs[i])) return false;
            i = (i + 1) & mask;
        }
        refs[i] = (long) t << 32 | row;
        hashes[i] = h;
        if (++size * 2 > refs.length) grow();
        return true;
    }

    private void grow() {
        long[] or = refs;
        int[] oh = hashes;
        refs = new long[or.length * 2];
        java.util.Arrays.fill(refs, -1);
        hashes = new int[or.length * 2];
        int mask = refs.length - 1;
        for (int j = 0; j < or.length; j++) {
            if (or[j] < 0) continue;
            int i = oh[j] & mask;
            while (refs[i] >= 0) i = (i + 1) & mask;
            refs[i] = or[j];
            hashes[i] = oh[j];
        }
    }
}

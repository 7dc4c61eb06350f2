package org.crimeanalytics.ingest;

import java.util.List;

/**
 * The incident ids seen so far, over the rows of several tables, compared by their UTF-8 bytes in the tables (no
 * String per id): open addressing (filled up to 70 %) of row numbers counted over all the tables, with their hashes:
 * 8 bytes a slot, about 12 bytes an id. Not thread-safe.
 */
final class IdSet {

    private final List<IncidentTable> tables;
    private final int[] starts; // the first row number of each table
    private int[] refs; // row number over all the tables, -1 empty
    private int[] hashes;
    private int size;

    IdSet(List<IncidentTable> tables, int expected) {
        this.tables = tables;
        starts = new int[tables.size()];
        long rows = 0;
        for (int t = 0; t < starts.length; t++) {
            starts[t] = (int) rows;
            rows += tables.get(t).size();
        }
        if (rows > Integer.MAX_VALUE - 16) throw new IngestException("more than " + (Integer.MAX_VALUE - 16) + " incidents");
        int cap = Integer.highestOneBit((int) Math.min(1 << 29, Math.max(16, expected * 10L / 7))) << 1;
        refs = new int[cap];
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
            if (hashes[i] == h) {
                int r = refs[i], q = tableOf(r);
                if (tab.idEquals(row, tables.get(q), r - starts[q])) return false;
            }
            i = (i + 1) & mask;
        }
        refs[i] = starts[t] + row;
        hashes[i] = h;
        if (++size * 10L > refs.length * 7L) grow();
        return true;
    }

    /** The table holding row number {@code r}. */
    private int tableOf(int r) {
        int k = java.util.Arrays.binarySearch(starts, r);
        if (k < 0) return -k - 2;
        while (k + 1 < starts.length && starts[k + 1] == r) k++; // empty tables start where the next one does
        return k;
    }

    private void grow() {
        int[] or = refs;
        int[] oh = hashes;
        refs = new int[or.length * 2];
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

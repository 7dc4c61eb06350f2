package org.crimeanalytics.ingest;

/**
 * A set of strings by open addressing (the strings and their hashes in two arrays): no node object per
 * element, for de-duplicating millions of incident ids. Not thread-safe.
 */
final class StringSet {

    private String[] keys;
    private int[] hashes;
    private int size;

    StringSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new String[cap];
        hashes = new int[cap];
    }

    /** Adds {@code s}; false when it was present. */
    boolean add(String s) {
        int h = s.hashCode();
        h ^= h >>> 16;
        int mask = keys.length - 1;
        int i = h & mask;
        while (keys[i] != null) {
            if (hashes[i] == h && keys[i].equals(s)) return false;
            i = (i + 1) & mask;
        }
        keys[i] = s;
        hashes[i] = h;
        if (++size * 2 > keys.length) grow();
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        String[] ok = keys;
        int[] oh = hashes;
        keys = new String[ok.length * 2];
        hashes = new int[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] == null) continue;
            int i = oh[j] & mask;
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = ok[j];
            hashes[i] = oh[j];
        }
    }
}

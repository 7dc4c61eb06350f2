package org.crimeanalytics.grid;

import java.util.Arrays;

/** A long to int hash map with open addressing (for cell counts); keys returned sorted. */
public final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;

    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(keys, EMPTY);
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Adds {@code delta} to the value of {@code key} (inserting 0 first when absent). */
    public void add(long key, int delta) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                values[i] += delta;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = delta;
        if (++size * 2 > keys.length) grow();
    }

    public int get(long key) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) return values[i];
            i = (i + 1) & mask;
        }
        return 0;
    }

    public boolean contains(long key) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) return true;
            i = (i + 1) & mask;
        }
        return false;
    }

    public int size() {
        return size;
    }

    /** The keys in ascending order. */
    public long[] keys() {
        long[] out = new long[size];
        int k = 0;
        for (long key : keys) if (key != EMPTY) out[k++] = key;
        Arrays.sort(out);
        return out;
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = values;
        keys = new long[ok.length * 2];
        values = new int[ok.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != EMPTY) add(ok[i], ov[i]);
    }
}

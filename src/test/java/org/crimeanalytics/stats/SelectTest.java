package org.crimeanalytics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectTest {

    @Test
    void agreesWithSortingOnRandomTiedAndSortedInput() {
        Random r = new Random(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(200);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) a[i] = trial % 3 == 0 ? r.nextInt(5) : trial % 3 == 1 ? i : r.nextGaussian();
            double[] s = a.clone();
            Arrays.sort(s);
            double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            assertEquals(median, Select.median(a, n), 0, "trial " + trial);
            int k = r.nextInt(n);
            assertEquals(s[k], Select.kth(a.clone(), n, k), 0, "kth, trial " + trial);
        }
        assertEquals(2.5, Select.median(new double[] {4, 1, 3, 2}, 4));
        assertEquals(7, Select.median(new double[] {7}, 1));
    }
}

package org.crimeanalytics.density;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BandwidthTest {

    /** Four points at distances 1, 1, 3, 3 from their mean centre (0, 0): SD = sqrt(5), median distance 2. */
    @Test
    void silvermanByHand() {
        double[] x = {1, -1, 3, -3}, y = {0, 0, 0, 0};
        Bandwidth.Choice c = Bandwidth.choose(Bandwidth.Rule.SILVERMAN, x, y, null);
        assertEquals(Math.sqrt(5), c.standardDistance(), 1e-12);
        assertEquals(2, c.medianDistance(), 1e-12);
        assertEquals(0.9 * Math.min(Math.sqrt(5), Math.sqrt(1 / Math.log(2)) * 2) * Math.pow(4, -0.2), c.value(), 1e-12);
    }

    /** Distinct locations with multiplicities choose what the expanded points choose (odd and even totals, both rules). */
    @Test
    void repeatedLocationsEqualTheExpandedPoints() {
        Random r = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + r.nextInt(30);
            double[] x = new double[n], y = new double[n];
            long[] count = new long[n];
            int total = 0;
            for (int i = 0; i < n; i++) {
                x[i] = Math.round(r.nextGaussian() * 500);
                y[i] = Math.round(r.nextGaussian() * 300);
                count[i] = 1 + r.nextInt(4);
                total += count[i];
            }
            double[] ex = new double[total], ey = new double[total];
            for (int i = 0, k = 0; i < n; i++) for (int c = 0; c < count[i]; c++, k++) {
                ex[k] = x[i];
                ey[k] = y[i];
            }
            for (Bandwidth.Rule rule : Bandwidth.Rule.values()) {
                Bandwidth.Choice a = Bandwidth.choose(rule, ex, ey, null), b = Bandwidth.chooseRepeated(rule, x, y, count);
                assertEquals(a.medianDistance(), b.medianDistance(), 1e-9 * Math.max(1, a.medianDistance()), "median, trial " + trial);
                assertEquals(a.value(), b.value(), 1e-9 * Math.max(1, a.value()), rule + ", trial " + trial);
                assertEquals(a.n(), b.n());
            }
        }
    }
}

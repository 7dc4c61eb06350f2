package org.crimeanalytics.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.crimeanalytics.stats.Alternative;
import org.junit.jupiter.api.Test;

/** The one-feature Gi* of a distributed job equals {@link GetisOrd#local} with a distance band, islands included. */
class GetisOrdStarBinaryTest {

    @Test
    void oneFeatureGiStarEqualsTheWholeComputation() {
        Random r = new Random(11);
        int n = 400;
        double[] x = new double[n], y = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() * 10_000;
            y[i] = r.nextDouble() * 10_000;
            v[i] = r.nextInt(20);
        }
        x[0] = 1e6; // an island
        SpatialWeights w = SpatialWeights.distanceBand(x, y, 900);
        GetisOrd.Local g = GetisOrd.local(v, w, true);
        double sum = 0, sum2 = 0;
        for (double d : v) {
            sum += d;
            sum2 += d * d;
        }
        int tested = 0;
        for (int i = 0; i < n; i++) {
            double ns = 0;
            for (int j : w.neighbours(i)) ns += v[j];
            GetisOrd.One zp = GetisOrd.starBinary(v[i], ns, w.neighbours(i).length, sum, sum2, n, Alternative.TWO_SIDED);
            if (Double.isNaN(g.z()[i])) {
                assertTrue(Double.isNaN(zp.z()), "feature " + i);
                assertEquals(g.note()[i], zp.note(), "note of feature " + i);
                continue;
            }
            assertEquals(g.z()[i], zp.z(), 1e-12, "z of feature " + i);
            assertEquals(g.p()[i], zp.p(), 1e-12, "p of feature " + i);
            tested++;
        }
        assertTrue(Double.isNaN(GetisOrd.starBinary(v[0], 0, 0, sum, sum2, n, Alternative.TWO_SIDED).z()), "island");
        assertTrue(tested > 350, "tested " + tested);
    }
}

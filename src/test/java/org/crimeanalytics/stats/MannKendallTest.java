package org.crimeanalytics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MannKendallTest {

    @Test
    void tooShortOrConstantSeriesShowNoTrend() {
        MannKendall.Result two = MannKendall.test(new double[] {1, 2});
        assertEquals(0, two.z());
        assertEquals(1, two.p());
        MannKendall.Result flat = MannKendall.test(new double[] {4, 4, 4, 4, 4});
        assertEquals(0, flat.s());
        assertEquals(0, flat.varS());
        assertEquals(1, flat.p());
    }

    @Test
    void strictlyIncreasingSeriesByHand() {
        // n = 5: S = 10 (all 10 pairs increase), Var = 5*4*15/18 = 16.6667, z = 9/sqrt(16.6667) = 2.204541
        MannKendall.Result r = MannKendall.test(new double[] {1, 2, 3, 4, 5});
        assertEquals(10, r.s());
        assertEquals(50.0 / 3.0, r.varS(), 1e-12);
        assertEquals(9 / Math.sqrt(50.0 / 3.0), r.z(), 1e-12);
        assertEquals(0.027486, r.p(), 1e-6); // 2*(1-Phi(2.204541))
        assertEquals(1.0, r.senSlope(), 1e-12);
    }

    @Test
    void tiesReduceTheVarianceAndNaNsAreSkipped() {
        // x = 1, 2, 2, 3 (NaN dropped): pairs: (1,2)+ (1,2)+ (1,3)+ (2,2)0 (2,3)+ (2,3)+ => S = 5
        // Var = [4*3*13 - 2*1*9]/18 = (156 - 18)/18 = 7.6667; z = 4/sqrt(7.6667)
        MannKendall.Result r = MannKendall.test(new double[] {1, 2, Double.NaN, 2, 3});
        assertEquals(4, r.n());
        assertEquals(5, r.s());
        assertEquals(138.0 / 18.0, r.varS(), 1e-12);
        assertEquals(4 / Math.sqrt(138.0 / 18.0), r.z(), 1e-12);
        // Sen's slope over the original time positions 0,1,3,4: slopes 1, 1/3, 1/2, 0, 1/3, 1
        // sorted 0, 1/3, 1/3, 1/2, 1, 1 -> median (1/3 + 1/2)/2
        assertEquals((1.0 / 3.0 + 0.5) / 2.0, r.senSlope(), 1e-12);
    }

    @Test
    void decreasingSeriesIsNegative() {
        MannKendall.Result r = MannKendall.test(new double[] {9, 7, 8, 5, 3, 1});
        assertEquals(-13, r.s());
        assertEquals(-1, r.direction(0.05));
    }

    @Test
    void normalTailsKeepPrecision() {
        assertEquals(0.05, Normal.twoTailedP(1.959963984540054), 1e-12);
        assertEquals(6.220960574271785e-16, Normal.sf(8.0), 1e-28);
        assertEquals(1.959963984540054, Normal.quantile(0.975), 1e-9);
    }
}

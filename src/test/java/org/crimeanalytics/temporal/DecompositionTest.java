package org.crimeanalytics.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecompositionTest {

    @Test
    void tooShortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Decomposition.additive(new double[23], 12));
        assertThrows(IllegalArgumentException.class, () -> Decomposition.additive(new double[30], 1));
    }

    @Test
    void linearTrendPlusSeasonIsRecoveredExactly() {
        double[] s = {5, -3, 2, 0, -1, 4, -6, 1, 3, -2, -4, 1}; // sums to 0
        int n = 60;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) y[t] = 10 + 0.5 * t + s[t % 12];
        Decomposition.Result r = Decomposition.additive(y, 12);
        for (int t = 0; t < n; t++) {
            if (t < 6 || t >= n - 6) {
                assertTrue(Double.isNaN(r.trend()[t]), "trend undefined at the ends, t=" + t);
                continue;
            }
            assertEquals(10 + 0.5 * t, r.trend()[t], 1e-12);
            assertEquals(0, r.residual()[t], 1e-12);
        }
        for (int p = 0; p < 12; p++) assertEquals(s[p], r.seasonalIndex()[p], 1e-12);
    }

    @Test
    void oddSeasonUsesTheSimpleMovingAverage() {
        double[] s = {1, -2, 1};
        double[] y = new double[12];
        for (int t = 0; t < 12; t++) y[t] = 3 * t + s[t % 3];
        Decomposition.Result r = Decomposition.additive(y, 3);
        assertEquals(3.0, r.trend()[1], 1e-12);
        assertEquals(-2.0, r.seasonalIndex()[1], 1e-12);
    }

    @Test
    void weekdayAndHourOfFloatingTimes() {
        long monday = java.time.LocalDateTime.of(2024, 1, 1, 23, 30).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        assertEquals(0, TemporalProfile.weekday(monday));
        assertEquals(23, TemporalProfile.hour(monday));
        assertEquals(6, TemporalProfile.weekday(monday - 86_400_000L));
        assertTrue(TemporalProfile.placeholder(monday - 23 * 3_600_000L - 30 * 60_000L + 60_000L)); // 00:01
        assertEquals("2024-01", TemporalProfile.monthLabel(TemporalProfile.monthIndex(monday)));
    }
}

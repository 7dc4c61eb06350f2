package org.crimeanalytics.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well predicted hot areas capture the crime of the following period. Areas are ranked by score
 * (highest first; ties by larger area first, then index); for each area fraction f, whole areas are
 * taken in rank order until their area reaches f of the total (the last one included, so the share
 * actually covered is reported). With n crimes of N in the selected area a of A:
 * <ul>
 *   <li>hit rate = n / N;</li>
 *   <li>PAI, the Predictive Accuracy Index (Chainey, Tompson &amp; Uhlig 2008) = (n / N) / (a / A);</li>
 *   <li>PEI, the Predictive Efficiency Index (Hunt 2016) = n / n*, with n* the most crimes any
 *       selection of the same number of areas could capture (areas ranked by their actual counts
 *       per unit area, the same area budget);</li>
 *   <li>RRI, the Recapture Rate Index (Levine 2008) = (n2 / n1) / (N2 / N1): the selected areas'
 *       crimes in the evaluated period over those in the prior period, relative to the totals; needs
 *       prior counts.</li>
 * </ul>
 * Degenerate input: no crime in the evaluated period gives NaN rates; zero total area is refused.
 */
public final class HotspotEvaluation {

    /** Results at one area fraction. */
    public record Row(double fraction, int areasSelected, double areaShare, long captured, double hitRate, double pai,
            double pei, double rri) {}

    private HotspotEvaluation() {}

    /** Rank order of areas by score, highest first. */
    public static Integer[] rank(double[] score, double[] area) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(score[b], score[a]);
            if (c != 0) return c;
            c = Double.compare(area[b], area[a]);
            return c != 0 ? c : a - b;
        });
        return order;
    }

    /**
     * @param score the prediction per area (higher = hotter); NaN counts as lowest
     * @param area the size of each area (any unit)
     * @param actual crimes per area in the evaluated period
     * @param prior crimes per area in the prior period (null: no RRI)
     */
    public static List<Row> evaluate(double[] score, double[] area, long[] actual, long[] prior, double[] fractions) {
        int n = score.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = Double.isNaN(score[i]) ? Double.NEGATIVE_INFINITY : score[i];
        double totalArea = 0;
        long total = 0, totalPrior = 0;
        for (int i = 0; i < n; i++) {
            totalArea += area[i];
            total += actual[i];
            if (prior != null) totalPrior += prior[i];
        }
        if (!(totalArea > 0)) throw new IllegalArgumentException("total area must be > 0");
        Integer[] order = rank(s, area);
        // the best possible ranking: actual crimes per unit area
        double[] density = new double[n];
        for (int i = 0; i < n; i++) density[i] = area[i] > 0 ? actual[i] / area[i] : 0;
        Integer[] ideal = rank(density, area);
        List<Row> rows = new ArrayList<>();
        for (double f : fractions) {
            double budget = f * totalArea;
            double a = 0;
            long captured = 0, capturedPrior = 0;
            int k = 0;
            // cells until the share is reached; a remainder under 0.1 % of the next cell is the cells' unequal areas, not
            // a share of a cell to cover
            while (k < n && a < budget - 1e-3 * area[order[k]]) {
                int i = order[k++];
                a += area[i];
                captured += actual[i];
                if (prior != null) capturedPrior += prior[i];
            }
            double ia = 0;
            long best = 0;
            // the ideal ranking's cells over the same area: a cell counts when at least half of it fits (cells of a grid
            // in a geographic CRS differ slightly in area: 123 ideal cells were taken against 122 selected, PEI too low)
            for (int j = 0; j < n; j++) {
                int i = ideal[j];
                if (ia + area[i] > a + 0.5 * area[i]) break;
                ia += area[i];
                best += actual[i];
            }
            double hit = total == 0 ? Double.NaN : (double) captured / total;
            double pai = hit / (a / totalArea);
            double pei = best == 0 ? Double.NaN : (double) captured / best;
            double rri = prior == null || capturedPrior == 0 || totalPrior == 0 || total == 0 ? Double.NaN
                    : ((double) captured / capturedPrior) / ((double) total / totalPrior);
            rows.add(new Row(f, k, a / totalArea, captured, hit, pai, pei, rri));
        }
        return rows;
    }

    /** Cumulative curve: after each area in rank order, {area share, crime share}. */
    public static double[][] curve(double[] score, double[] area, long[] actual) {
        int n = score.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = Double.isNaN(score[i]) ? Double.NEGATIVE_INFINITY : score[i];
        Integer[] order = rank(s, area);
        double totalArea = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            totalArea += area[i];
            total += actual[i];
        }
        double[][] out = new double[n][2];
        double a = 0;
        long c = 0;
        for (int k = 0; k < n; k++) {
            a += area[order[k]];
            c += actual[order[k]];
            out[k][0] = a / totalArea;
            out[k][1] = total == 0 ? Double.NaN : (double) c / total;
        }
        return out;
    }
}

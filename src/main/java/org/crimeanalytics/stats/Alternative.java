package org.crimeanalytics.stats;

/**
 * Which tail(s) a p-value counts, for analytic z-scores and for permutation (pseudo) p-values.
 *
 * <p>Permutation p-values count the permuted statistics "at least as extreme" as the observed one,
 * ties included (Hope 1968; Phipson &amp; Smyth 2010): with R permutations, {@code ge} of them &gt;= the
 * observed value and {@code le} &lt;= it,
 * <ul>
 *   <li>{@link #GREATER}: (ge + 1) / (R + 1)</li>
 *   <li>{@link #LESS}: (le + 1) / (R + 1)</li>
 *   <li>{@link #FOLDED}: (min(ge, le) + 1) / (R + 1), the tail the observed value lies in: the pseudo
 *       p-value of GeoDa and PySAL esda (which, unlike this, leave ties out of the smaller tail)</li>
 *   <li>{@link #TWO_SIDED}: min(1, 2 (min(ge, le) + 1) / (R + 1))</li>
 * </ul>
 * Analytic p-values from a standard normal z: P(Z &gt;= z), P(Z &lt;= z), P(Z &gt;= |z|) and
 * P(|Z| &gt;= |z|) in the same order.
 */
public enum Alternative {
    TWO_SIDED, GREATER, LESS, FOLDED;

    /** The p-value of a z-score (NaN for NaN). */
    public double analytic(double z) {
        if (Double.isNaN(z)) return Double.NaN;
        return switch (this) {
            case TWO_SIDED -> Normal.twoTailedP(z);
            case GREATER -> Normal.sf(z);
            case LESS -> Normal.cdf(z);
            case FOLDED -> Normal.sf(Math.abs(z));
        };
    }

    /** The pseudo p-value of {@code ge} permuted values &gt;= and {@code le} &lt;= the observed one of {@code r}. */
    public double permutation(int ge, int le, int r) {
        if (r <= 0) return Double.NaN;
        double d = r + 1.0;
        return switch (this) {
            case GREATER -> (ge + 1) / d;
            case LESS -> (le + 1) / d;
            case FOLDED -> (Math.min(ge, le) + 1) / d;
            case TWO_SIDED -> Math.min(1.0, 2 * (Math.min(ge, le) + 1) / d);
        };
    }

    /** A phrase for summaries. */
    public String describe() {
        return switch (this) {
            case TWO_SIDED -> "two-sided";
            case GREATER -> "one-sided, greater (high values / positive association)";
            case LESS -> "one-sided, less (low values / negative association)";
            case FOLDED -> "folded: one-sided in the direction of the observed value (GeoDa and esda pseudo p-value)";
        };
    }
}

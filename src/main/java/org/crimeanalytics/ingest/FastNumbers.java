package org.crimeanalytics.ingest;

/** Allocation-free parsing of plain decimal numbers from ASCII bytes. */
final class FastNumbers {

    private FastNumbers() {}

    private static final double[] POW10 = new double[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    /**
     * Parses {@code [-+]digits[.digits]} with at most 17 significant digits exactly as
     * {@link Double#parseDouble} would (integer mantissa divided by an exact power of ten);
     * returns NaN for anything else (exponents, too many digits, stray characters), so the caller
     * can fall back to the JDK parser.
     */
    static double parseDecimal(byte[] b, int s, int e) {
        boolean neg = false;
        if (b[s] == '-' || b[s] == '+') {
            neg = b[s] == '-';
            s++;
        }
        if (s >= e) return Double.NaN;
        long mant = 0;
        int digits = 0;
        int frac = -1;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                if (digits == 0 && c == '0' && frac < 0) {
                    // leading zero of the integer part: not significant
                } else {
                    digits++;
                }
                if (digits > 15) return Double.NaN;
                mant = mant * 10 + (c - '0');
                if (frac >= 0) frac++;
            } else if (c == '.' && frac < 0) {
                frac = 0;
            } else {
                return Double.NaN;
            }
        }
        if (frac == 0 && e - s == 1) return Double.NaN; // just "."
        double v = mant;
        if (frac > 0) {
            if (frac >= POW10.length) return Double.NaN;
            v = v / POW10[frac]; // exact: mant < 2^53 and 10^frac exact, one correctly rounded division
        }
        return neg ? -v : v;
    }

    /** Parses an unsigned decimal integer; -1 if not all digits or empty. */
    static int parseUnsigned(byte[] b, int s, int e) {
        if (s >= e || e - s > 9) return -1;
        int v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }
}

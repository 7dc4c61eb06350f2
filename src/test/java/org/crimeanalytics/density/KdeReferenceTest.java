package org.crimeanalytics.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crimeanalytics.grid.Grid;
import org.junit.jupiter.api.Test;

/**
 * The exact evaluation against independent references on the LAPD sample (9,987 points projected by R sf to
 * UTM 11N): R {@code MASS::kde2d} (Gaussian) and scikit-learn's {@code KernelDensity} (Epanechnikov, tophat,
 * linear, Gaussian), written by {@code src/test/r/kde_reference.R} and {@code src/test/python/kde_reference.py}.
 * Every cell whose reference value is above 10^-10 of the largest must agree to 1e-9 relative or, where the only
 * terms come from points at the very edge of a compact kernel (1 - u² near 1e-8, where both programs round u² to
 * 1e-16), to 1e-12 of the largest value; below 10^-10 of the largest (cells kilometres from any point) to 1e-10
 * of the largest; a compact kernel's zero must be a zero.
 */
class KdeReferenceTest {

    static List<CSVRecord> read(String name) throws Exception {
        try (InputStream in = KdeReferenceTest.class.getResourceAsStream("/reference/kde/" + name);
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build()
                    .parse(r).getRecords();
        }
    }

    static double[][] points(int limit) throws Exception {
        List<CSVRecord> rows = read("lapd_points_utm11.csv");
        int n = Math.min(limit, rows.size());
        double[][] xy = new double[2][n];
        for (int k = 0; k < n; k++) {
            xy[0][k] = Double.parseDouble(rows.get(k).get("x"));
            xy[1][k] = Double.parseDouble(rows.get(k).get("y"));
        }
        return xy;
    }

    /** Compares; returns the largest relative difference among cells above 10^-6 of the largest value. */
    static double compare(Surface s, List<CSVRecord> ref, String column, String what) {
        double max = 0;
        for (CSVRecord r : ref) max = Math.max(max, Double.parseDouble(r.get(column)));
        double worst = 0;
        int significant = 0;
        for (CSVRecord r : ref) {
            int i = Integer.parseInt(r.get("i")), j = Integer.parseInt(r.get("j"));
            double e = Double.parseDouble(r.get(column)), a = s.at(i, j);
            if (e > 1e-10 * max) {
                significant++;
                double rel = Math.abs(a - e) / e;
                if (e > 1e-6 * max) worst = Math.max(worst, rel);
                assertTrue(rel <= 1e-9 || Math.abs(a - e) <= 1e-12 * max, what + " cell " + i + "," + j + ": expected " + e + ", was " + a);
            } else if (e == 0 && column.equals("density_per_m2") == false) {
                assertEquals(0, a, 0, what + " cell " + i + "," + j + " outside every disc");
            } else {
                assertEquals(e, a, 1e-10 * max, what + " cell " + i + "," + j);
            }
        }
        assertTrue(significant > ref.size() / 3, what + ": " + significant + " significant cells of " + ref.size());
        return worst;
    }

    @Test
    void gaussianEqualsMassKde2d() throws Exception {
        double[][] xy = points(Integer.MAX_VALUE);
        assertEquals(9987, xy[0].length);
        List<CSVRecord> ref = read("lapd_kde2d.csv");
        int i0 = Integer.MAX_VALUE, j0 = Integer.MAX_VALUE, i1 = Integer.MIN_VALUE, j1 = Integer.MIN_VALUE;
        for (CSVRecord r : ref) {
            i0 = Math.min(i0, Integer.parseInt(r.get("i")));
            i1 = Math.max(i1, Integer.parseInt(r.get("i")));
            j0 = Math.min(j0, Integer.parseInt(r.get("j")));
            j1 = Math.max(j1, Integer.parseInt(r.get("j")));
        }
        KernelDensity kd = new KernelDensity(Kernel.GAUSSIAN, 400, new Lattice(new Grid(Grid.Shape.SQUARE, 500)));
        Lattice.Window w = new Lattice.Window(i0, j0, i1 - i0 + 1, j1 - j0 + 1);
        Surface s = kd.estimate(xy[0], xy[1], null, w, KernelDensity.Method.EXACT, null);
        double worst = compare(s, ref, "density_per_m2", "kde2d");
        System.out.printf("MASS::kde2d: %d cells, largest relative difference %.2e%n", ref.size(), worst);
    }

    @Test
    void everyKernelEqualsScikitLearn() throws Exception {
        double[][] xy = points(2000);
        List<CSVRecord> ref = read("lapd_sklearn.csv");
        int i0 = Integer.parseInt(ref.get(0).get("i")), j0 = Integer.parseInt(ref.get(0).get("j"));
        Lattice.Window w = new Lattice.Window(i0, j0, 60, 60);
        Lattice l = new Lattice(new Grid(Grid.Shape.SQUARE, 200));
        for (Kernel k : new Kernel[] {Kernel.EPANECHNIKOV, Kernel.UNIFORM, Kernel.TRIANGULAR, Kernel.GAUSSIAN}) {
            KernelDensity kd = new KernelDensity(k, k == Kernel.GAUSSIAN ? 250 : 600, l);
            Surface s = kd.estimate(xy[0], xy[1], null, w, KernelDensity.Method.EXACT, null);
            double worst = compare(s, ref, k.name(), "scikit-learn " + k);
            System.out.printf("scikit-learn %s: %d cells, largest relative difference %.2e%n", k, ref.size(), worst);
        }
    }
}

package org.crimeanalytics.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.crimeanalytics.density.KernelDensity;
import org.crimeanalytics.density.Lattice;
import org.crimeanalytics.density.Surface;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.style.Styles;

/**
 * The per-cell fields of one kernel density analysis over a window (row-major, NaN = no value): counts and
 * densities in incidents per km², and which field is styled and rastered.
 */
final class DensityFields {

    /** Below this share of a density's largest value a cell is "no support" (only the Gaussian's far tails). */
    static final double NEGLIGIBLE = 1e-9;
    /**
     * A ratio is not computed where the denominator's density is below this share of the density its whole weight
     * would have stacked on one point ({@code W K(0) / h²}): a floor fixed by the layer and the bandwidth, not by the
     * cells in view, so every tile and every request agree.
     */
    static final double RATIO_FLOOR = 1e-6;

    /** The ratio floor, per km², for a denominator of total weight {@code total}. */
    static double ratioFloor(KernelDensity kd, double total) {
        return RATIO_FLOOR * total * kd.kernel().at(0) / (kd.bandwidth() * kd.bandwidth()) * 1e6;
    }

    final String mode;
    final Lattice.Window window;
    final Lattice lattice;
    final Map<String, int[]> counts = new LinkedHashMap<>();
    final Map<String, double[]> values = new LinkedHashMap<>();
    final Map<String, Object> details = new LinkedHashMap<>();
    /** Densities (per km²) that decide whether a cell has support. */
    final java.util.List<String> densities = new java.util.ArrayList<>();
    String styleField;
    String rasterField;
    String styleUnit = KernelDensityProcess.UNIT;
    String styleTitle = "Kernel density";
    boolean signed;

    private DensityFields(String mode, Surface s) {
        this.mode = mode;
        this.window = s.window();
        this.lattice = s.lattice();
    }

    String mode() {
        return mode;
    }

    String styleField() {
        return styleField;
    }

    String styleUnit() {
        return styleUnit;
    }

    String styleTitle() {
        return styleTitle;
    }

    boolean signed() {
        return signed;
    }

    Map<String, Object> details() {
        return details;
    }

    /** The analysis the inputs ask for: a change (split given), a dual KDE (ref given) or a single KDE. */
    static DensityFields compute(KernelDensity kd, Lattice.Window win, KernelDensity.Method m, ProjectedPoints pts, double[] w,
            ProjectedPoints ref, double[] refW, double ratioPer, DensityPeriods.Split split, BooleanSupplier cancelled) {
        if (split != null) {
            ProjectedPoints a = DensityInputs.subset(pts, split.before()), b = DensityInputs.subset(pts, split.after());
            Surface sa = kd.estimate(a.x(), a.y(), DensityInputs.subset(w, split.before()), win, m, cancelled);
            Surface sb = kd.estimate(b.x(), b.y(), DensityInputs.subset(w, split.after()), win, m, cancelled);
            return change(sa, sb, a, b, ratioFloor(kd, w == null ? split.before().length
                    : DensityInputs.sum(DensityInputs.subset(w, split.before()))));
        }
        Surface s = kd.estimate(pts.x(), pts.y(), w, win, m, cancelled);
        if (ref != null) {
            double nr = refW == null ? ref.size() : DensityInputs.sum(refW);
            return dual(s, kd.estimate(ref.x(), ref.y(), refW, win, m, cancelled), pts, w, ref, refW, ratioFloor(kd, nr), ratioPer);
        }
        return single(s, pts);
    }

    static DensityFields single(Surface s, ProjectedPoints pts) {
        DensityFields f = new DensityFields("single", s);
        f.counts.put("JOIN_COUNT", f.count(pts));
        f.values.put("KDE", perKm2(s));
        f.densities.add("KDE");
        f.styleField = "KDE";
        f.rasterField = "KDE";
        return f;
    }

    static DensityFields dual(Surface s, Surface r, ProjectedPoints pts, double[] w, ProjectedPoints ref, double[] refW, double floor,
            double per) {
        DensityFields f = new DensityFields("dual", s);
        f.counts.put("JOIN_COUNT", f.count(pts));
        double[] kde = perKm2(s), kref = perKm2(r), refSum = f.sum(ref, refW);
        double n = w == null ? pts.size() : DensityInputs.sum(w), nr = refW == null ? ref.size() : DensityInputs.sum(refW);
        double[] ratio = new double[kde.length], share = new double[kde.length];
        int undefined = 0;
        for (int c = 0; c < kde.length; c++) {
            if (kref[c] >= floor && kref[c] > 0) ratio[c] = kde[c] / kref[c] * per;
            else {
                ratio[c] = Double.NaN;
                undefined++;
            }
            share[c] = 100 * (kde[c] / n - kref[c] / nr);
        }
        f.values.put("REF_SUM", refSum);
        f.values.put("KDE", kde);
        f.values.put("KDE_REF", kref);
        f.values.put("KDE_RATIO", ratio);
        f.values.put("SHARE_DIFF", share);
        f.densities.add("KDE");
        f.densities.add("KDE_REF");
        f.details.put("reference_features", ref.size());
        f.details.put("reference_weight_total", nr);
        f.details.put("ratio", "KDE_RATIO = KDE / KDE_REF x " + Styles.fmtNumber(per) + " (" + ratioUnit(per) + "), none where KDE_REF is below "
                + String.format(java.util.Locale.ROOT, "%.4g", floor) + " per km² (" + RATIO_FLOOR + " of the reference's whole weight on one point)");
        f.details.put("ratio_floor_per_km2", floor);
        f.details.put("share_difference", "SHARE_DIFF = 100 (KDE / incidents - KDE_REF / reference total): percentage points per km²");
        f.styleField = "KDE_RATIO";
        f.rasterField = "KDE_RATIO";
        f.styleUnit = ratioUnit(per);
        f.styleTitle = "Dual kernel density: incidents relative to the reference";
        return f;
    }

    static DensityFields change(Surface a, Surface b, ProjectedPoints pa, ProjectedPoints pb, double floor) {
        DensityFields f = new DensityFields("change", a);
        f.counts.put("COUNT_BEFORE", f.count(pa));
        f.counts.put("COUNT_AFTER", f.count(pb));
        double[] ka = perKm2(a), kb = perKm2(b), diff = new double[ka.length], ratio = new double[ka.length];
        for (int c = 0; c < ka.length; c++) {
            diff[c] = kb[c] - ka[c];
            ratio[c] = ka[c] >= floor && ka[c] > 0 ? kb[c] / ka[c] : Double.NaN;
        }
        f.values.put("KDE_BEFORE", ka);
        f.values.put("KDE_AFTER", kb);
        f.values.put("KDE_CHANGE", diff);
        f.values.put("KDE_RATIO", ratio);
        f.densities.add("KDE_BEFORE");
        f.densities.add("KDE_AFTER");
        f.details.put("change", "KDE_CHANGE = KDE_AFTER - KDE_BEFORE (incidents per km²); KDE_RATIO = KDE_AFTER / KDE_BEFORE, none where "
                + "KDE_BEFORE is below " + String.format(java.util.Locale.ROOT, "%.4g", floor) + " per km² (" + RATIO_FLOOR
                + " of the earlier period's incidents on one point)");
        f.details.put("ratio_floor_per_km2", floor);
        f.styleField = "KDE_CHANGE";
        f.rasterField = "KDE_CHANGE";
        f.styleTitle = "Change of kernel density";
        f.signed = true;
        return f;
    }

    static String ratioUnit(double per) {
        return per == 1 ? "incidents per unit of reference weight" : "incidents per " + Styles.fmtNumber(per) + " units of reference weight";
    }

    private static double[] perKm2(Surface s) {
        double[] v = s.values().clone();
        for (int c = 0; c < v.length; c++) v[c] *= 1e6;
        return v;
    }

    /** Points per cell of the window (by the grid's cell of each point). */
    private int[] count(ProjectedPoints p) {
        int[] c = new int[Math.toIntExact(window.cells())];
        for (int i = 0; i < p.size(); i++) {
            long key = lattice.grid().cell(p.x()[i], p.y()[i]);
            int idx = window.index(lattice.column(key), lattice.row(key));
            if (idx >= 0) c[idx]++;
        }
        return c;
    }

    /** Sum of weights per cell of the window. */
    private double[] sum(ProjectedPoints p, double[] w) {
        double[] c = new double[Math.toIntExact(window.cells())];
        for (int i = 0; i < p.size(); i++) {
            long key = lattice.grid().cell(p.x()[i], p.y()[i]);
            int idx = window.index(lattice.column(key), lattice.row(key));
            if (idx >= 0) c[idx] += w == null ? 1 : w[i];
        }
        return c;
    }

    /** Whether cell {@code c} has a density above {@link #NEGLIGIBLE} of that density's largest value, or a count. */
    boolean[] support() {
        boolean[] s = new boolean[Math.toIntExact(window.cells())];
        for (String name : densities) {
            double[] v = values.get(name);
            double max = 0;
            for (double d : v) max = Math.max(max, d);
            for (int c = 0; c < s.length; c++) if (v[c] > NEGLIGIBLE * max) s[c] = true;
        }
        for (int[] n : counts.values()) for (int c = 0; c < s.length; c++) if (n[c] > 0) s[c] = true;
        return s;
    }
}

package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.crimeanalytics.density.KernelDensity;
import org.crimeanalytics.density.Lattice;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.geo.StudyArea;
import org.crimeanalytics.grid.Grid;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.ProcessException;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** The cells of a density analysis as features (in the input CRS) and as a raster (in the metric CRS). */
final class DensityOutputs {

    private final SimpleFeatureCollection features;
    private final Map<String, double[]> returned = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private double massOutsideShare;

    private DensityOutputs(SimpleFeatureCollection features) {
        this.features = features;
    }

    SimpleFeatureCollection features() {
        return features;
    }

    Map<String, Object> details() {
        return details;
    }

    double massOutsideShare() {
        return massOutsideShare;
    }

    /** The values of {@code field} on the returned cells (NaN: none). */
    double[] values(String field) {
        return returned.get(field);
    }

    /**
     * Returns the cells with support (a density above a negligible share of its largest value, or an incident), or
     * with a study area the cells whose centre lies in it, each with its fields.
     */
    static DensityOutputs build(DensityFields f, StudyArea area, ProjectedPoints pts, BooleanSupplier cancelled) {
        Lattice l = f.lattice;
        Lattice.Window w = f.window;
        boolean[] support = area == null ? f.support() : null;
        List<Integer> keep = new ArrayList<>();
        for (int jj = 0; jj < w.ny(); jj++) {
            int j = w.j0() + jj;
            for (int ii = 0; ii < w.nx(); ii++) {
                int c = jj * w.nx() + ii;
                boolean in = area != null ? area.covers(l.x(w.i0() + ii, j), l.y(j)) : support[c];
                if (in) keep.add(c);
            }
            if ((jj & 63) == 0 && cancelled.getAsBoolean()) throw new ProcessException("cancelled");
        }
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("kernel_density");
        tb.setCRS(pts.sourceCrs());
        tb.add("geom", Polygon.class);
        tb.add("CELL_ID", String.class);
        for (String name : f.counts.keySet()) tb.add(name, Integer.class);
        for (String name : f.values.keySet()) tb.add(name, Double.class);
        SimpleFeatureType type = tb.buildFeatureType();
        GeometryFactory gf = new GeometryFactory();
        int nAttr = type.getAttributeCount();
        Map<String, double[]> returned = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : f.values.entrySet()) {
            double[] all = e.getValue(), mine = new double[keep.size()];
            for (int r = 0; r < mine.length; r++) mine[r] = all[keep.get(r)];
            returned.put(e.getKey(), mine);
        }
        int[] cells = keep.stream().mapToInt(Integer::intValue).toArray();
        java.util.function.IntFunction<SimpleFeature> row = r -> {
            int c = cells[r];
            int i = w.i0() + c % w.nx(), j = w.j0() + c / w.nx();
            long key = l.key(i, j);
            Object[] v = new Object[nAttr];
            int a = 0;
            v[a++] = pts.toSource(l.grid().polygon(key, gf));
            v[a++] = Grid.first(key) + "_" + Grid.second(key);
            for (int[] n : f.counts.values()) v[a++] = n[c];
            for (double[] d : returned.values()) v[a++] = Double.isNaN(d[r]) ? null : d[r];
            return SimpleFeatureBuilder.build(type, v, "kernel_density." + (r + 1));
        };
        DensityOutputs out = new DensityOutputs(new org.crimeanalytics.geo.RowCollection(type, cells.length, row));
        out.returned.putAll(returned);
        out.details.put("cells", keep.size());
        out.details.put("cell_rule", area != null ? "cells whose centre lies in the study area"
                : "cells where a density is above " + DensityFields.NEGLIGIBLE + " of its largest value, or holding an incident");
        for (String d : f.densities) {
            double[] all = f.values.get(d);
            double total = 0, kept = 0, max = 0;
            for (double v : all) total += v;
            for (int r = 0; r < keep.size(); r++) {
                double v = all[keep.get(r)];
                kept += v;
                max = Math.max(max, v);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("max_per_km2", max);
            m.put("mean_per_km2_of_cells", keep.isEmpty() ? 0 : kept / keep.size());
            m.put("mass_on_cells", kept * l.cellArea() / 1e6);
            if (area != null) {
                double share = total > 0 ? 1 - kept / total : 0;
                m.put("mass_share_outside_study_area", share);
                out.massOutsideShare = Math.max(out.massOutsideShare, share);
            }
            out.details.put(d.toLowerCase(), m);
        }
        if (area != null) {
            for (Map.Entry<String, int[]> e : f.counts.entrySet()) {
                long outside = 0;
                java.util.Set<Integer> in = new java.util.HashSet<>(keep);
                int[] n = e.getValue();
                for (int c = 0; c < n.length; c++) if (n[c] > 0 && !in.contains(c)) outside += n[c];
                out.details.put(e.getKey().toLowerCase() + "_in_cells_outside_study_area", outside);
            }
        }
        for (Map.Entry<String, double[]> e : out.returned.entrySet()) {
            int nan = 0;
            for (double v : e.getValue()) if (Double.isNaN(v)) nan++;
            if (nan > 0) out.details.put(e.getKey() + "_undefined_cells", nan);
        }
        return out;
    }

    /**
     * The raster of the analysis's raster field on square cells in the metric CRS: from {@code f} when its cells are
     * squares, else from the same analysis on squares of the same size.
     */
    static GridCoverage2D raster(DensityFields f, KernelDensity kd, ProjectedPoints pts, double[] w, ProjectedPoints ref,
            double[] refW, double ratioPer, DensityPeriods.Split split, KernelDensity.Method m, StudyArea area, BooleanSupplier cancelled) {
        DensityFields sq = f;
        if (f.lattice.grid().shape() != Grid.Shape.SQUARE) {
            KernelDensity k2 = new KernelDensity(kd.kernel(), kd.bandwidth(),
                    new Lattice(new Grid(Grid.Shape.SQUARE, f.lattice.grid().size())));
            Lattice.Window win = DensityInputs.windows(k2, pts, ref, null, null, 0, "cellSize").compute();
            sq = DensityFields.compute(k2, win, m, pts, w, ref, refW, ratioPer, split, cancelled);
        }
        Lattice.Window win = sq.window;
        if (win.cells() == 0) return null;
        double c = sq.lattice.grid().size();
        double[] v = sq.values.get(sq.rasterField);
        float[][] matrix = new float[win.ny()][win.nx()];
        for (int jj = 0; jj < win.ny(); jj++) {
            float[] row = matrix[win.ny() - 1 - jj]; // the first raster row is the northernmost
            int j = win.j0() + jj;
            for (int ii = 0; ii < win.nx(); ii++) {
                boolean in = area == null || area.covers(sq.lattice.x(win.i0() + ii, j), sq.lattice.y(j));
                row[ii] = in ? (float) v[jj * win.nx() + ii] : Float.NaN; // outside the study area: no data, as the cells
            }
            if ((jj & 63) == 0 && cancelled.getAsBoolean()) throw new ProcessException("cancelled");
        }
        double u = pts.metresPerUnit(); // the working CRS may be in feet: the raster is georeferenced in its units
        ReferencedEnvelope env = new ReferencedEnvelope(win.i0() * c / u, (win.i0() + win.nx()) * c / u, win.j0() * c / u,
                (win.j0() + win.ny()) * c / u, pts.metricCrs());
        // NaN (outside the study area, an undefined ratio) is declared as no data, so that GeoTIFF readers skip it
        java.awt.image.WritableRaster wr = javax.media.jai.RasterFactory.createBandedRaster(java.awt.image.DataBuffer.TYPE_FLOAT, win.nx(),
                win.ny(), 1, null);
        for (int y = 0; y < win.ny(); y++) wr.setSamples(0, y, win.nx(), 1, 0, matrix[y]);
        java.util.Map<String, Object> props = new java.util.HashMap<>();
        org.geotools.coverage.util.CoverageUtilities.setNoDataProperty(props, Double.NaN);
        org.geotools.coverage.grid.GridCoverageFactory gcf = new GridCoverageFactory();
        GridCoverage2D plain = gcf.create(sq.rasterField, wr, env);
        return gcf.create(sq.rasterField, plain.getRenderedImage(), env, plain.getSampleDimensions(), null, props);
    }
}

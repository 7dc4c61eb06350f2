package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.List;
import org.crimeanalytics.density.KernelDensity;
import org.crimeanalytics.density.Lattice;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.geo.StudyArea;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.process.ProcessException;
import org.locationtech.jts.geom.Envelope;

/** What crime:KernelDensity reads besides the points: weights, subsets, the window of cells. */
final class DensityInputs {

    private DensityInputs() {}

    /**
     * The weight of each point from {@code attribute} (null: no weights). Every weight must be a finite number
     * &gt;= 0; an error names the feature otherwise.
     */
    static double[] weights(SimpleFeatureCollection fc, String attribute, ProjectedPoints pts, String param, String layer) {
        if (attribute == null || attribute.isBlank()) return null;
        if (fc.getSchema().getDescriptor(attribute) == null) {
            List<String> names = new ArrayList<>();
            for (AttributeDescriptor d : fc.getSchema().getAttributeDescriptors()) names.add(d.getLocalName());
            throw new ProcessException(param + ": no attribute '" + attribute + "' in " + layer + "; attributes: " + names);
        }
        int[] pos = pts.positions();
        double[] w = new double[pts.size()];
        if (fc instanceof IncidentCollection ic) {
            for (int i = 0; i < w.length; i++) w[i] = number(ic.attribute(pos[i], attribute), attribute, param, IncidentCollection.id(pos[i]));
            return w;
        }
        int max = 0;
        for (int p : pos) max = Math.max(max, p);
        Object[] byPos = new Object[max + 1];
        String[] ids = new String[max + 1];
        int k = 0;
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext() && k <= max) {
                SimpleFeature f = it.next();
                byPos[k] = f.getAttribute(attribute);
                ids[k] = f.getID();
                k++;
            }
        }
        for (int i = 0; i < w.length; i++) w[i] = number(byPos[pos[i]], attribute, param, ids[pos[i]]);
        return w;
    }

    private static double number(Object o, String attribute, String param, String id) {
        double v = Double.NaN;
        if (o instanceof Number n) v = n.doubleValue();
        else if (o != null) {
            try {
                v = Double.parseDouble(o.toString().trim());
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
        }
        if (!Double.isFinite(v)) throw new ProcessException(param + ": feature " + id + " has no numeric value in '" + attribute + "' (" + o + ")");
        if (v < 0) throw new ProcessException(param + ": feature " + id + " has a negative weight in '" + attribute + "' (" + v + ")");
        return v;
    }

    static double sum(double[] w) {
        double s = 0;
        for (double v : w) s += v;
        return s;
    }

    static ProjectedPoints subset(ProjectedPoints p, int[] idx) {
        double[] x = new double[idx.length], y = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            x[i] = p.x()[idx[i]];
            y[i] = p.y()[idx[i]];
        }
        return ProjectedPoints.of(x, y, p);
    }

    static double[] subset(double[] w, int[] idx) {
        if (w == null) return null;
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = w[idx[i]];
        return out;
    }

    /** The shorter side of the points' extent (the study area's when given), at least 1 m. */
    static double shorterSide(ProjectedPoints pts, StudyArea area) {
        Envelope e = area != null ? area.envelope() : envelope(pts);
        return Math.max(1, Math.min(e.getWidth(), e.getHeight()));
    }

    static Envelope envelope(ProjectedPoints pts) {
        Envelope e = new Envelope();
        for (int i = 0; i < pts.size(); i++) e.expandToInclude(pts.x()[i], pts.y()[i]);
        return e;
    }

    /** The cells computed: those within the kernel's reach of a point, the study area's, clipped to a view. */
    record Windows(Lattice.Window compute) {}

    static Windows windows(KernelDensity kd, ProjectedPoints pts, ProjectedPoints ref, StudyArea area, MapView view,
            int marginPixels, String param) {
        Lattice l = kd.lattice();
        Envelope e = envelope(pts);
        if (ref != null) e.expandToInclude(envelope(ref));
        Lattice.Window w = l.window(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), kd.reach());
        if (area != null) {
            Envelope a = area.envelope();
            w = w.union(l.window(a.getMinX(), a.getMinY(), a.getMaxX(), a.getMaxY(), 0));
        }
        if (view != null) {
            org.geotools.geometry.jts.ReferencedEnvelope t;
            try {
                t = view.bbox().transform(pts.metricCrs(), true);
            } catch (Exception ex) {
                throw new ProcessException("outputBBOX: cannot transform to the working CRS: " + ex.getMessage());
            }
            double f = pts.metresPerUnit();
            Envelope v = new Envelope(t.getMinX() * f, t.getMaxX() * f, t.getMinY() * f, t.getMaxY() * f);
            double margin = v.getWidth() / view.width() * marginPixels + l.grid().size();
            w = w.intersect(l.window(v.getMinX(), v.getMinY(), v.getMaxX(), v.getMaxY(), margin));
            if (w.nx() == 0 || w.ny() == 0) w = new Lattice.Window(w.i0(), w.j0(), 0, 0);
        }
        if (w.cells() > Limits.maxGridCells()) {
            throw new ProcessException(param + ": " + l.grid().size() + " m cells give " + w.cells() + " cells over the data and the "
                    + "kernel's reach, more than the limit of " + Limits.maxGridCells() + " (system property crime.maxGridCells); use larger cells");
        }
        return new Windows(w);
    }
}

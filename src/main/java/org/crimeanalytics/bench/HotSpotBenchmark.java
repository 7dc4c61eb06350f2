package org.crimeanalytics.bench;

import java.io.PrintStream;
import java.util.List;
import org.crimeanalytics.geo.AnalysisUnits;
import org.crimeanalytics.geo.GeoJson;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.hotspot.Contiguity;
import org.crimeanalytics.hotspot.GetisOrd;
import org.crimeanalytics.hotspot.Moran;
import org.crimeanalytics.hotspot.SpatialWeights;
import org.crimeanalytics.ingest.IncidentTable;
import org.geotools.data.simple.SimpleFeatureCollection;

/**
 * Gi* on a 250 m hexagon grid over the 1.31 M Chicago incidents (aggregation + weights + statistic),
 * against an all-pairs neighbour search in the same run; and permutation Local Moran (999) on the
 * 791 Chicago tracts against the analytic version.
 */
public final class HotSpotBenchmark implements Benchmark {

    @Override
    public String name() {
        return "hotspots";
    }

    @Override
    public String description() {
        return "Gi* on a 250 m hex grid over 1.31 M Chicago incidents; Local Moran with 999 permutations on 791 tracts";
    }

    @Override
    public void run(String[] args, PrintStream out) throws Exception {
        List<IncidentTable> tables = BenchSupport.chicagoTables();
        long rows = 0;
        for (IncidentTable t : tables) rows += t.size();
        out.printf("incidents: %,d (5 Chicago years)%n", rows);
        // one collection over all years: extract projected points per year, then concatenate
        long t0 = System.nanoTime();
        double[] x = new double[(int) rows], y = new double[(int) rows];
        int k = 0;
        ProjectedPoints first = null;
        for (IncidentTable t : tables) {
            SimpleFeatureCollection fc = new IncidentCollection(t);
            ProjectedPoints p = ProjectedPoints.extract(fc, first == null ? null : first.metricCrs(), false, "incidents", null);
            if (first == null) first = p;
            System.arraycopy(p.x(), 0, x, k, p.size());
            System.arraycopy(p.y(), 0, y, k, p.size());
            k += p.size();
        }
        double extract = (System.nanoTime() - t0) / 1e9;
        out.printf("feature iteration + projection to %s: %.2f s%n", org.geotools.referencing.CRS.toSRS(first.metricCrs()), extract);
        ProjectedPointsView all = new ProjectedPointsView(x, y);
        for (int rep = 0; rep < 3; rep++) {
            t0 = System.nanoTime();
            AnalysisUnits u = AnalysisUnits.fromIncidents(all.wrap(first), new Grid(Grid.Shape.HEXAGON, 250), null, null);
            double agg = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            double band = SpatialWeights.minimumBand(u.x, u.y);
            SpatialWeights w = SpatialWeights.distanceBand(u.x, u.y, band);
            double wt = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            GetisOrd.Local g = GetisOrd.local(u.value, w, true);
            double st = (System.nanoTime() - t0) / 1e9;
            out.printf("run %d: %,d cells; aggregation %.2f s, weights (band %.0f m, %.1f neighbours) %.2f s, Gi* %.3f s: "
                    + "total %.2f s%n", rep + 1, u.size(), agg, band, w.meanNeighbours(), wt, st, agg + wt + st);
            if (rep == 2) {
                t0 = System.nanoTime();
                long pairs = 0;
                double b2 = band * band;
                for (int i = 0; i < u.size(); i++) {
                    for (int j = 0; j < u.size(); j++) {
                        double dx = u.x[i] - u.x[j], dy = u.y[i] - u.y[j];
                        if (i != j && dx * dx + dy * dy <= b2) pairs++;
                    }
                }
                double brute = (System.nanoTime() - t0) / 1e9;
                out.printf("baseline all-pairs neighbour search: %.2f s (%,d links, index found %,d); index/all-pairs time = %.3f%n",
                        brute, pairs, (long) Math.round(w.meanNeighbours() * u.size()), wt / brute);
            }
        }

        SimpleFeatureCollection tracts = GeoJson.read(BenchSupport.sharedData().resolve("chicago/tracts_sdoh.geojson"));
        AnalysisUnits tu = AnalysisUnits.fromLayer(tracts, "VCRIMERT15", null, "areas", "valueAttribute");
        SpatialWeights q = Contiguity.build(tu.metricGeometry, true).rowStandardised();
        for (int rep = 0; rep < 3; rep++) {
            t0 = System.nanoTime();
            Moran.local(tu.value, q, 0, 1);
            double analytic = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            Moran.local(tu.value, q, 999, 1);
            double perm = (System.nanoTime() - t0) / 1e9;
            out.printf("Local Moran on %d tracts (queen, %.1f neighbours): analytic %.4f s, 999 permutations %.3f s (ratio %.0f)%n",
                    tu.size(), q.meanNeighbours(), analytic, perm, perm / analytic);
        }
    }

    /** Wraps concatenated coordinates as ProjectedPoints sharing the first year's CRSs. */
    private record ProjectedPointsView(double[] x, double[] y) {
        ProjectedPoints wrap(ProjectedPoints crsSource) {
            return ProjectedPoints.of(x, y, crsSource);
        }
    }
}

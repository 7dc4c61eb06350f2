package org.crimeanalytics.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.crimeanalytics.cluster.DBScan;
import org.crimeanalytics.cluster.FastKMeans;
import org.crimeanalytics.cluster.KMeans;
import org.crimeanalytics.geo.IncidentCollection;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.ingest.IncidentTable;
import org.crimeanalytics.weka.WekaSupport;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * k-means (k = 10) on the 1.29 M Chicago 2014-2018 incidents against Weka's SimpleKMeans used naively
 * on the same points in the same run; DBSCAN (eps 150 m, minPoints 20) on Chicago 2017 and on all years.
 */
public final class ClusterBenchmark implements Benchmark {

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public String description() {
        return "k-means k=10 on 1.29 M Chicago incidents vs Weka SimpleKMeans; DBSCAN eps=150 m minPoints=20 on 2017 and all years";
    }

    @Override
    public void run(String[] args, PrintStream out) throws Exception {
        List<IncidentTable> tables = BenchSupport.chicagoTables();
        IncidentTable all = IncidentTable.concat(tables);
        ProjectedPoints p = ProjectedPoints.extract(new IncidentCollection(all), null, false, "incidents", null);
        ProjectedPoints p2017 = ProjectedPoints.extract(new IncidentCollection(tables.get(3)), p.metricCrs(), false, "incidents", null);
        int n = p.size();
        double[] flat = new double[2 * n];
        for (int i = 0; i < n; i++) {
            flat[2 * i] = p.x()[i];
            flat[2 * i + 1] = p.y()[i];
        }
        out.printf("points: %,d (2014-2018), %,d (2017), metres in %s; %d cores%n", n, p2017.size(),
                org.geotools.referencing.CRS.toSRS(p.metricCrs()), Runtime.getRuntime().availableProcessors());
        double oursBest = Double.POSITIVE_INFINITY;
        KMeans.Result res = null;
        for (int rep = 0; rep < 3; rep++) {
            FastKMeans km = new FastKMeans();
            km.setNumClusters(10);
            km.setSeed(1);
            long t0 = System.nanoTime();
            res = km.cluster(flat, 2, null);
            double t = (System.nanoTime() - t0) / 1e9;
            oursBest = Math.min(oursBest, t);
            out.printf("k-means ours (FastKMeans, best of 5 k-means++ starts on samples, refined on all): %.2f s, SSE %.6e m2, %d iterations%n",
                    t, res.sse(), res.iterations());
        }
        WekaSupport.init();
        System.gc();
        BenchSupport.resetPeakHeap();
        double before = BenchSupport.liveHeapMb();
        long t0 = System.nanoTime();
        ArrayList<Attribute> atts = new ArrayList<>();
        atts.add(new Attribute("x"));
        atts.add(new Attribute("y"));
        Instances data = new Instances("chicago", atts, n);
        for (int i = 0; i < n; i++) data.add(new DenseInstance(1, new double[] {p.x()[i], p.y()[i]}));
        weka.clusterers.SimpleKMeans skm = new weka.clusterers.SimpleKMeans();
        skm.setNumClusters(10);
        skm.setSeed(1);
        skm.setMaxIterations(500);
        skm.buildClusterer(data);
        double weka = (System.nanoTime() - t0) / 1e9;
        out.printf("k-means Weka SimpleKMeans as shipped (random init, normalising distance, Instances): %.2f s, SSE %.6e "
                + "(in its normalised units), peak heap +%.0f MB%n", weka, skm.getSquaredError(), BenchSupport.peakHeapMb() - before);
        out.printf("ratio Weka / ours (best run): %.1f%n", weka / oursBest);
        data = null;
        skm = null;
        System.gc();
        for (int rep = 0; rep < 2; rep++) {
            t0 = System.nanoTime();
            int[] l = new DBScan(150, 20).run(p2017.x(), p2017.y(), null);
            double t = (System.nanoTime() - t0) / 1e9;
            int c = 0, noise = 0;
            for (int v : l) {
                c = Math.max(c, v + 1);
                if (v < 0) noise++;
            }
            out.printf("DBSCAN eps=150 m minPoints=20, Chicago 2017 (%,d): %.2f s, %d clusters, %,d noise%n", p2017.size(), t, c, noise);
        }
        System.gc();
        BenchSupport.resetPeakHeap();
        before = BenchSupport.liveHeapMb();
        t0 = System.nanoTime();
        int[] l = new DBScan(150, 20).run(p.x(), p.y(), null);
        double t = (System.nanoTime() - t0) / 1e9;
        int c = 0, noise = 0;
        for (int v : l) {
            c = Math.max(c, v + 1);
            if (v < 0) noise++;
        }
        out.printf("DBSCAN eps=150 m minPoints=20, 2014-2018 (%,d): %.2f s, %d clusters, %,d noise; peak heap +%.0f MB over %.0f MB live%n",
                n, t, c, noise, BenchSupport.peakHeapMb() - before, before);
    }
}

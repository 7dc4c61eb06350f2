package org.crimeanalytics.geo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.crimeanalytics.ingest.IngestException;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.api.feature.type.GeometryDescriptor;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;

/**
 * The features of any layer as ingestion rows: attributes by name, the default geometry converted to
 * lon/lat degrees. A feature without geometry falls back to latitude/longitude attributes when the
 * layer has them (else it is rejected as having no coordinates). A non-point geometry is an error
 * naming the feature, unless centroids were asked for; a one-point multipoint is taken as its point.
 *
 * <p>Date attributes give floating local time: a {@code java.sql.Timestamp} its wall-clock time and a
 * {@code java.sql.Date} its calendar day (as JDBC stores share them: in the JVM's zone); any other
 * {@code java.util.Date} its UTC fields (as GeoJSON and GML parsers, and this project, write them). The
 * OLE zero date 1899-12-30 (how dBASE and Excel exports mark "no date") is no date, and as a time
 * column no time. Text attributes are parsed like CSV values, ISO strings from GML or GeoJSON included.
 */
public final class FeatureRows extends org.crimeanalytics.ingest.ValueRows {

    private static final int SAMPLE_ROWS = 5000;
    private final SimpleFeatureCollection features;
    private SimpleFeatureIterator it;
    private final List<String> header = new ArrayList<>();
    private final List<String> attrs = new ArrayList<>();
    private final MathTransform toWgs84;
    private final boolean centroids;
    private final String param;
    private SimpleFeature current;
    private long n;

    public FeatureRows(SimpleFeatureCollection features, boolean centroids, String param) {
        SimpleFeatureType type = features.getSchema();
        for (AttributeDescriptor d : type.getAttributeDescriptors()) {
            if (d instanceof GeometryDescriptor) continue;
            header.add(d.getLocalName());
            attrs.add(d.getLocalName());
        }
        GeometryDescriptor g = type.getGeometryDescriptor();
        CoordinateReferenceSystem crs = g == null ? null : g.getCoordinateReferenceSystem();
        if (g != null && crs == null) {
            throw new org.geotools.process.ProcessException(param + ": the layer's geometry has no coordinate "
                    + "reference system; publish it with one (e.g. EPSG:4326)");
        }
        this.toWgs84 = crs == null ? null : Crs.transform(crs, Crs.wgs84(), param);
        this.centroids = centroids;
        this.param = param;
        this.features = features;
    }

    @Override
    public List<String[]> sample() {
        List<String[]> rows = new ArrayList<>();
        try (SimpleFeatureIterator s = features.features()) {
            while (s.hasNext() && rows.size() < SAMPLE_ROWS) {
                SimpleFeature f = s.next();
                String[] r = new String[attrs.size()];
                for (int i = 0; i < r.length; i++) r[i] = asText(f.getAttribute(attrs.get(i)));
                rows.add(r);
            }
        }
        return rows;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public boolean next() {
        if (it == null) it = features.features();
        if (!it.hasNext()) return false;
        current = it.next();
        n++;
        return true;
    }

    @Override
    public String where() {
        return "feature " + current.getID();
    }

    @Override
    public long line() {
        return n;
    }

    @Override
    protected Object value(int col) {
        if (col < 0 || col >= attrs.size()) return null;
        return current.getAttribute(attrs.get(col));
    }

    @Override
    public boolean point(double[] lonLat) {
        Object g = current.getDefaultGeometry();
        if (!(g instanceof Geometry geom) || geom.isEmpty()) return false;
        Point p;
        if (geom instanceof Point pt) {
            p = pt;
        } else if (geom instanceof MultiPoint mp && mp.getNumGeometries() == 1) {
            p = (Point) mp.getGeometryN(0);
        } else if (centroids) {
            p = geom.getCentroid();
        } else {
            throw new org.geotools.process.ProcessException(param + ": " + where() + " has a "
                    + geom.getGeometryType() + " geometry; incidents must be points (or ask for centroids)");
        }
        double[] xy = {p.getX(), p.getY()};
        if (toWgs84 != null && !toWgs84.isIdentity()) {
            try {
                toWgs84.transform(xy, 0, xy, 0, 1);
            } catch (TransformException e) {
                return false;
            }
        }
        lonLat[0] = xy[0];
        lonLat[1] = xy[1];
        return Double.isFinite(xy[0]) && Double.isFinite(xy[1]);
    }

    @Override
    public void close() throws IOException {
        it.close();
    }

    /** Fails when a layer has neither a geometry nor usable attributes. */
    static void requireUsable(SimpleFeatureType type, String param) {
        if (type.getGeometryDescriptor() == null && type.getAttributeCount() == 0) {
            throw new IngestException(param + ": the layer has no attributes");
        }
    }
}

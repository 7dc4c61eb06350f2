package org.crimeanalytics.geo;

import java.util.Date;
import java.util.NoSuchElementException;
import org.crimeanalytics.ingest.FastDates;
import org.crimeanalytics.ingest.IncidentTable;
import org.crimeanalytics.ingest.Incidents;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.collection.BaseSimpleFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The canonical incident features, as a read-only view over an {@link IncidentTable}: features are
 * built as they are iterated, so a million incidents cost their columns, not a million feature
 * objects. Feature ids are {@code incident.N} (N = 1-based position).
 */
public final class IncidentCollection extends BaseSimpleFeatureCollection {

    private static final GeometryFactory GF = new GeometryFactory();
    private final IncidentTable table;
    private final int computed;
    private final AugmentedCollection.Values values;

    public IncidentCollection(IncidentTable table) {
        super(type(table.extraNames()));
        this.table = table;
        this.computed = 0;
        this.values = null;
    }

    /**
     * The incidents of {@code table} with computed attributes appended (a process's CLUSTER_ID, COLOR_ID...):
     * still a view, each value asked of {@code values} by incident position when a feature is built.
     */
    public IncidentCollection(IncidentTable table, String typeName, java.util.List<String> names, java.util.List<Class<?>> types,
            AugmentedCollection.Values values) {
        super(withComputed(type(table.extraNames()), typeName, names, types));
        this.table = table;
        this.computed = names.size();
        this.values = values;
    }

    private static SimpleFeatureType withComputed(SimpleFeatureType base, String typeName, java.util.List<String> names,
            java.util.List<Class<?>> types) {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.init(base);
        b.setName(typeName);
        for (int i = 0; i < names.size(); i++) {
            if (base.getDescriptor(names.get(i)) != null) {
                throw new IllegalArgumentException("computed attribute " + names.get(i) + " is already an incident attribute");
            }
            b.add(names.get(i), types.get(i));
        }
        return b.buildFeatureType();
    }

    /** The canonical schema, with {@code extras} as further text attributes. */
    public static SimpleFeatureType type(java.util.List<String> extras) {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName("incidents");
        b.setCRS(Crs.wgs84());
        b.add(Incidents.GEOM, Point.class);
        b.setDefaultGeometry(Incidents.GEOM);
        b.add(Incidents.INCIDENT_ID, String.class);
        b.add(Incidents.OCCURRED, Date.class);
        b.add(Incidents.TIME_PRECISION, String.class);
        b.add(Incidents.REPORTED, Date.class);
        b.add(Incidents.OFFENSE_CODE, String.class);
        b.add(Incidents.OFFENSE, String.class);
        b.add(Incidents.OFFENSE_DETAIL, String.class);
        b.add(Incidents.CATEGORY, String.class);
        b.add(Incidents.PREMISE, String.class);
        b.add(Incidents.WEAPON, String.class);
        b.add(Incidents.AREA, String.class);
        b.add(Incidents.AREA_NAME, String.class);
        b.add(Incidents.VICTIM_AGE, Integer.class);
        b.add(Incidents.SOURCE_LINE, Long.class);
        for (String e : extras) b.add(e, String.class);
        return b.buildFeatureType();
    }

    public IncidentTable table() {
        return table;
    }

    @Override
    public int size() {
        return table.size();
    }

    @Override
    public ReferencedEnvelope getBounds() {
        ReferencedEnvelope env = new ReferencedEnvelope(getSchema().getCoordinateReferenceSystem());
        for (int i = 0; i < table.size(); i++) env.expandToInclude(table.lon(i), table.lat(i));
        return env;
    }

    /**
     * Row {@code i}'s occurrence time as {@link FeatureTimes#floating} reads its feature's {@code occurred} value:
     * {@link FastDates#INVALID} when it has none (or a date on the OLE zero day), no Date made.
     */
    public long occurredFloating(int i) {
        long t = table.occurred(i);
        return t == IncidentTable.NO_TIME || org.crimeanalytics.ingest.ValueRows.oleZeroDay(t) ? FastDates.INVALID : t;
    }

    /** The table's text column holding attribute {@code name} (an {@link IncidentTable} constant), or -1 for any other attribute. */
    public static int textColumn(String name) {
        return switch (name) {
            case Incidents.OFFENSE_CODE -> IncidentTable.OFFENSE_CODE;
            case Incidents.OFFENSE -> IncidentTable.OFFENSE;
            case Incidents.OFFENSE_DETAIL -> IncidentTable.OFFENSE_DETAIL;
            case Incidents.CATEGORY -> IncidentTable.CATEGORY;
            case Incidents.PREMISE -> IncidentTable.PREMISE;
            case Incidents.WEAPON -> IncidentTable.WEAPON;
            case Incidents.AREA -> IncidentTable.AREA;
            case Incidents.AREA_NAME -> IncidentTable.AREA_NAME;
            default -> -1;
        };
    }

    /**
     * The value of attribute {@code name} of incident {@code i}, as its feature would hold it, without
     * building the feature (the geometry excluded).
     */
    public Object attribute(int i, String name) {
        switch (name) {
            case Incidents.INCIDENT_ID: return table.text(IncidentTable.ID, i);
            case Incidents.OCCURRED: {
                long t = table.occurred(i);
                return t == IncidentTable.NO_TIME ? null : new Date(t);
            }
            case Incidents.TIME_PRECISION: {
                FastDates.Precision p = table.precision(i);
                return p == null ? null : p.label();
            }
            case Incidents.REPORTED: {
                long t = table.reported(i);
                return t == IncidentTable.NO_TIME ? null : new Date(t);
            }
            case Incidents.OFFENSE_CODE: return table.text(IncidentTable.OFFENSE_CODE, i);
            case Incidents.OFFENSE: return table.text(IncidentTable.OFFENSE, i);
            case Incidents.OFFENSE_DETAIL: return table.text(IncidentTable.OFFENSE_DETAIL, i);
            case Incidents.CATEGORY: return table.text(IncidentTable.CATEGORY, i);
            case Incidents.PREMISE: return table.text(IncidentTable.PREMISE, i);
            case Incidents.WEAPON: return table.text(IncidentTable.WEAPON, i);
            case Incidents.AREA: return table.text(IncidentTable.AREA, i);
            case Incidents.AREA_NAME: return table.text(IncidentTable.AREA_NAME, i);
            case Incidents.VICTIM_AGE: {
                int a = table.victimAge(i);
                return a == IncidentTable.NO_AGE ? null : a;
            }
            case Incidents.SOURCE_LINE: return table.line(i);
            default: {
                int k = table.extraNames().indexOf(name);
                if (k >= 0) return table.extra(k, i);
                if (computed > 0) {
                    int c = getSchema().indexOf(name) - (15 + table.extraNames().size());
                    if (c >= 0 && c < computed) return values.at(i)[c];
                }
                return null;
            }
        }
    }

    /** The feature id of incident {@code i} (0-based): {@code incident.(i + 1)}. */
    public static String id(int i) {
        return "incident." + (i + 1);
    }

    /** Builds feature {@code i}. */
    public SimpleFeature feature(int i) {
        int extras = table.extraNames().size();
        Object[] v = new Object[15 + extras + computed];
        v[0] = GF.createPoint(new Coordinate(table.lon(i), table.lat(i)));
        v[1] = table.text(IncidentTable.ID, i);
        long occ = table.occurred(i);
        v[2] = occ == IncidentTable.NO_TIME ? null : new Date(occ);
        FastDates.Precision p = table.precision(i);
        v[3] = p == null ? null : p.label();
        long rep = table.reported(i);
        v[4] = rep == IncidentTable.NO_TIME ? null : new Date(rep);
        v[5] = table.text(IncidentTable.OFFENSE_CODE, i);
        v[6] = table.text(IncidentTable.OFFENSE, i);
        v[7] = table.text(IncidentTable.OFFENSE_DETAIL, i);
        v[8] = table.text(IncidentTable.CATEGORY, i);
        v[9] = table.text(IncidentTable.PREMISE, i);
        v[10] = table.text(IncidentTable.WEAPON, i);
        v[11] = table.text(IncidentTable.AREA, i);
        v[12] = table.text(IncidentTable.AREA_NAME, i);
        int age = table.victimAge(i);
        v[13] = age == IncidentTable.NO_AGE ? null : age;
        v[14] = table.line(i);
        for (int k = 0; k < extras; k++) v[15 + k] = table.extra(k, i);
        if (computed > 0) System.arraycopy(values.at(i), 0, v, 15 + extras, computed);
        // values are built with the schema's own types, so the builder's per-value conversion is skipped
        return new org.geotools.feature.simple.SimpleFeatureImpl(v, getSchema(),
                new org.geotools.filter.identity.FeatureIdImpl(id(i)), false);
    }

    @Override
    public SimpleFeatureIterator features() {
        return new SimpleFeatureIterator() {
            int next;

            @Override
            public boolean hasNext() {
                return next < table.size();
            }

            @Override
            public SimpleFeature next() {
                if (next >= table.size()) throw new NoSuchElementException();
                return feature(next++);
            }

            @Override
            public void close() {}
        };
    }
}

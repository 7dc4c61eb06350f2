package org.crimeanalytics.geo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.collection.BaseSimpleFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureImpl;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.filter.identity.FeatureIdImpl;
import org.geotools.geometry.jts.ReferencedEnvelope;

/**
 * The features of a source collection with extra attributes appended, built while iterating (no copy
 * of a million features). Extra values are looked up by feature id, through the source position
 * recorded when they were computed; if the source returns features in another order, the id map is
 * used instead, so values never go to the wrong feature.
 */
public final class AugmentedCollection extends BaseSimpleFeatureCollection {

    /** Values of the extra attributes for the feature at a position (id given for checking). */
    public interface Values {
        Object[] at(int position);
    }

    /**
     * {@code source} with extra attributes: a view over the incident table when the source is an
     * {@link IncidentCollection} (no source feature is built), else an AugmentedCollection.
     */
    public static SimpleFeatureCollection of(SimpleFeatureCollection source, String typeName, List<String> names,
            List<Class<?>> types, String[] idsByPosition, Values values) {
        if (source instanceof IncidentCollection ic) {
            boolean clash = false;
            for (String n : names) clash |= ic.getSchema().getDescriptor(n) != null;
            if (!clash) return new IncidentCollection(ic.table(), typeName, names, types, values);
        }
        return new AugmentedCollection(source, typeName, names, types, idsByPosition, values);
    }

    private final SimpleFeatureCollection source;
    private final String[] ids; // id of the feature at each position
    private final Values values;
    private final int extras;
    private Map<String, Integer> byId;

    public AugmentedCollection(SimpleFeatureCollection source, String typeName, List<String> names, List<Class<?>> types,
            String[] idsByPosition, Values values) {
        super(type(source.getSchema(), typeName, names, types));
        this.source = source;
        this.ids = idsByPosition;
        this.values = values;
        this.extras = names.size();
    }

    private static SimpleFeatureType type(SimpleFeatureType t, String name, List<String> names, List<Class<?>> types) {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.init(t);
        b.setName(name);
        for (int i = 0; i < names.size(); i++) {
            if (t.getDescriptor(names.get(i)) != null) b.remove(names.get(i));
            b.add(names.get(i), types.get(i));
        }
        return b.buildFeatureType();
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public ReferencedEnvelope getBounds() {
        return source.getBounds();
    }

    private synchronized int position(String id, int expected) {
        if (expected < ids.length && id.equals(ids[expected])) return expected;
        if (byId == null) {
            byId = new HashMap<>();
            for (int i = 0; i < ids.length; i++) byId.put(ids[i], i);
        }
        Integer p = byId.get(id);
        return p == null ? -1 : p;
    }

    @Override
    public SimpleFeatureIterator features() {
        SimpleFeatureIterator it = source.features();
        SimpleFeatureType type = getSchema();
        return new SimpleFeatureIterator() {
            int pos;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public SimpleFeature next() {
                if (!it.hasNext()) throw new NoSuchElementException();
                SimpleFeature f = it.next();
                int p = position(f.getID(), pos++);
                Object[] extra = p < 0 ? new Object[extras] : values.at(p);
                Object[] v = new Object[type.getAttributeCount()];
                int a = 0;
                for (int i = 0; i < type.getAttributeCount() - extras; i++) v[a++] = f.getAttribute(type.getDescriptor(i).getLocalName());
                for (Object o : extra) v[a++] = o;
                return new SimpleFeatureImpl(v, type, new FeatureIdImpl(f.getID()), false);
            }

            @Override
            public void close() {
                it.close();
            }
        };
    }
}

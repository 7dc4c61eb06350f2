package org.crimeanalytics.geo;

import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.collection.BaseSimpleFeatureCollection;

/**
 * A read-only feature collection of {@code size} rows whose features are built by {@code row} as they are
 * iterated: a result of columns (cells of a surface, for instance) costs its arrays, not a feature object per
 * row, unless a caller iterates it. Rows are built again on every iteration.
 */
public final class RowCollection extends BaseSimpleFeatureCollection {

    private final int size;
    private final IntFunction<SimpleFeature> row;

    public RowCollection(SimpleFeatureType type, int size, IntFunction<SimpleFeature> row) {
        super(type);
        this.size = size;
        this.row = row;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public SimpleFeatureIterator features() {
        return new SimpleFeatureIterator() {
            int next = 0;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public SimpleFeature next() {
                if (next >= size) throw new NoSuchElementException();
                return row.apply(next++);
            }

            @Override
            public void close() {}
        };
    }
}

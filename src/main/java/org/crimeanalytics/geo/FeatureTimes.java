package org.crimeanalytics.geo;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.crimeanalytics.ingest.FastDates;
import org.crimeanalytics.ingest.ValueRows;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.ProcessException;

/**
 * Times of feature attributes as floating local milliseconds (the project's convention: the
 * wall-clock time encoded as if UTC), whatever the layer's type for them:
 * <ul>
 *   <li>{@code java.sql.Timestamp}: its wall-clock time; {@code java.sql.Date}: its calendar day (JDBC stores
 *       share them in the JVM's zone);</li>
 *   <li>any other {@code java.util.Date}: its UTC fields (as GeoJSON and GML parsers, and this project, write them);</li>
 *   <li>text: an ISO or year-first date-time ({@code 2023-03-15T14:30:00Z}, as a GML or GeoJSON upload
 *       through WPS carries dates), the zone dropped; a year-last text date is ambiguous and not read.</li>
 * </ul>
 * The OLE zero date 1899-12-30 (how dBASE and spreadsheet exports write "no date") is no date.
 */
public final class FeatureTimes {

    private FeatureTimes() {}

    /** The wall-clock time of a date value, the OLE zero day included ({@link ValueRows#wallClock}). */
    public static long wallClock(Date d) {
        return ValueRows.wallClock(d);
    }

    /** Whether a date value's day is the OLE zero date. */
    public static boolean oleZeroDay(long wallClock) {
        return ValueRows.oleZeroDay(wallClock);
    }

    /** The floating time of an attribute value, or {@link FastDates#INVALID} when it holds no date ({@link ValueRows#floating}). */
    public static long floating(Object v) {
        return ValueRows.floating(v);
    }

    /**
     * Checks that {@code attr} exists in {@code fc} and can hold dates (a date type or text), naming {@code param} (the
     * parameter that chose the attribute; {@code layer} itself when the attribute is fixed); an empty collection without
     * it is said to be empty instead ({@link LayerChecks#unlessEmpty}).
     */
    public static void check(SimpleFeatureCollection fc, String attr, String param, String layer) {
        SimpleFeatureType t = fc.getSchema();
        AttributeDescriptor d = t.getDescriptor(attr);
        if (d != null) {
            Class<?> b = d.getType().getBinding();
            if (Date.class.isAssignableFrom(b) || CharSequence.class.isAssignableFrom(b)) return;
        }
        List<String> dates = new ArrayList<>();
        for (AttributeDescriptor a : t.getAttributeDescriptors()) {
            Class<?> b = a.getType().getBinding();
            if (Date.class.isAssignableFrom(b) || CharSequence.class.isAssignableFrom(b)) dates.add(a.getLocalName());
        }
        throw LayerChecks.unlessEmpty(fc, layer, new ProcessException(param + ": " + (param.equals(layer) ? "" : layer + " have ") + "no attribute '"
                + attr + "' that holds dates" + (d != null ? " (it is " + d.getType().getBinding().getSimpleName() + ")" : "")
                + "; attributes that may: " + dates));
    }

    /**
     * Whether an attribute value is a date without a time of day: a {@code java.sql.Date} (shapefile, JDBC {@code date}),
     * a {@code LocalDate}, or text with no {@code ':'} ({@code 2020-01-05}, {@code 2020-01}).
     */
    public static boolean dayOnly(Object v) {
        if (v instanceof java.sql.Date || v instanceof java.time.LocalDate) return true;
        return v instanceof CharSequence s && s.toString().indexOf(':') < 0;
    }

    /** The error when no incident has a time in {@code attr}. */
    public static ProcessException noneHaveATime(String attr, long read, String param) {
        return new ProcessException(param + ": '" + attr + "' holds no date in any of the " + read + " incidents (empty, or "
                + "text that is not an ISO date); if they were read from a CSV, no date column was recognised: see the import's "
                + "warnings, and import the file with crime:ImportIncidents columns=date=<the date column> first");
    }
}

package org.crimeanalytics.ingest;

import java.io.IOException;
import java.util.List;

/**
 * Rows to ingest: CSV records ({@link CsvRowSource}) or the features of a layer (an adapter in the
 * process package). Columns are addressed by their index in {@link #header()}.
 */
public interface RowSource extends AutoCloseable {

    List<String> header();

    /** Advances to the next row; false at the end. */
    boolean next() throws IOException;

    /** The row's reference in reports: a line number, or a feature id. */
    String where();

    /** Source line (CSV) or 1-based feature position. */
    long line();

    /** Whether the row's shape is broken (wrong field count, unterminated quote). */
    boolean ragged();

    /** Whether the row was too large to read. */
    default boolean oversized() {
        return false;
    }

    boolean isBlank(int col);

    /** Trimmed text, null when blank; repeated values may share one instance. */
    String text(int col);

    /** Text kept as is (ids); null when blank. */
    String rawText(int col);

    /**
     * {@link #rawText} as UTF-8 bytes without making a String: the array holding them, their range [start, end) into
     * {@code range} (end -1: blank), valid until the next row; null when this source has no bytes (then use rawText).
     */
    default byte[] rawBytes(int col, int[] range) {
        return null;
    }

    /** A number: NaN when blank or not numeric. */
    double number(int col);

    /**
     * A date-time as floating local milliseconds (the wall-clock time as written), or
     * {@link FastDates#INVALID}; {@code zoneOut[0]} receives a written zone offset in minutes or
     * {@link FastDates#NO_ZONE}. Year-last dates are read in {@code order}.
     */
    long date(int col, java.time.format.DateTimeFormatter pattern, FastDates.DateOrder order,
            FastDates.Precision[] precisionOut, int[] zoneOut);

    /** A time of day as milliseconds after midnight (HHmm, H:mm or HH:mm:ss), or -1. */
    long timeOfDay(int col);

    /** When the row carries a point geometry already in lon/lat degrees: true, filling {@code lonLat}. */
    default boolean point(double[] lonLat) {
        return false;
    }

    /**
     * The field texts of the first rows (a few thousand), read before {@link #next()} is first called,
     * so the column mapping can look at values; the rows are read again by {@link #next()}.
     */
    default java.util.List<String[]> sample() {
        return java.util.List.of();
    }

    /** Whether a comma in a number is its decimal separator (input separated by semicolons or tabs). */
    default boolean decimalComma() {
        return false;
    }

    /** Physical lines read so far (CSV), or rows. */
    default long linesRead() {
        return line();
    }

    /** Lines skipped as blank. */
    default long blankLines() {
        return 0;
    }

    @Override
    void close() throws IOException;
}

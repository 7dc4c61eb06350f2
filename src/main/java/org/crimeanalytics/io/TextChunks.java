package org.crimeanalytics.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text written record by record into one {@link StringBuilder} and handed on in chunks of some 64 KB: to an
 * {@link OutputStream} encoded as UTF-8 a chunk at a time (a Writer encodes character by character: 1.29 M labelled
 * incidents are 600 MB of GeoJSON), or to any other sink. Used by the GeoJSON and CSV writers.
 */
public final class TextChunks {

    /** Takes a chunk of text; the builder is cleared after the call. */
    public interface Sink {
        void write(StringBuilder chunk) throws IOException;
    }

    /** The size after which a record's end hands the text on. */
    public static final int SIZE = 1 << 16;

    private final StringBuilder text = new StringBuilder(2 * SIZE);
    private final Sink sink;

    public TextChunks(Sink sink) {
        this.sink = sink;
    }

    /** Chunks encoded as UTF-8 and written to {@code out}. */
    public static TextChunks utf8(OutputStream out) {
        return new TextChunks(chunk -> out.write(chunk.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Where the text is written. */
    public StringBuilder text() {
        return text;
    }

    /** To call after each record: hands the text on once it holds {@link #SIZE} characters or more. */
    public void endOfRecord() throws IOException {
        if (text.length() >= SIZE) flush();
    }

    /** Hands on what text there is (at the end). */
    public void flush() throws IOException {
        if (text.length() == 0) return;
        sink.write(text);
        text.setLength(0);
    }
}

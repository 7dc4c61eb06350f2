package org.crimeanalytics.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/** Opening inputs: files (gzip read on a second thread), and strings as UTF-8 byte streams without a copy. */
public final class Inputs {

    private Inputs() {}

    /** Whether a file name ends in {@code .gz}. */
    public static boolean isGzip(Path p) {
        return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }

    /**
     * Opens a file; {@code .gz} files are decompressed on a background thread, so a reader on the
     * calling thread parses while the next block is inflated. {@code consumed}, when given, counts
     * the compressed bytes read (for progress).
     */
    public static InputStream open(Path p, AtomicLong consumed) throws IOException {
        InputStream raw = Files.newInputStream(p);
        InputStream counted = consumed == null ? raw : new CountingStream(raw, consumed);
        if (!isGzip(p)) return counted;
        return new BackgroundStream(new GZIPInputStream(counted, 1 << 16), p.getFileName().toString());
    }

    /** A string as a stream of UTF-8 bytes, encoded block by block (no full byte copy). */
    public static InputStream utf8(CharSequence text, AtomicLong charsConsumed) {
        return new Utf8Stream(text, charsConsumed);
    }

    private static final class CountingStream extends InputStream {
        private final InputStream in;
        private final AtomicLong count;

        CountingStream(InputStream in, AtomicLong count) {
            this.in = in;
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count.incrementAndGet();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) count.addAndGet(n);
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Reads its source on a daemon thread into a small queue of blocks. */
    static final class BackgroundStream extends InputStream {
        private static final byte[] EOF = new byte[0];
        private static final int BLOCK = 1 << 18;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(3);
        private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(4);
        private final Thread thread;
        private final InputStream source;
        private volatile boolean closed;
        private byte[] block = new byte[0];
        private int pos;
        private int len;
        private boolean done;

        BackgroundStream(InputStream source, String name) {
            this.source = source;
            this.thread = new Thread(this::pump, "read-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        private void pump() {
            try {
                while (!closed) {
                    byte[] b = free.poll(); // blocks are recycled: no garbage per block
                    if (b == null) b = new byte[BLOCK];
                    int n = source.readNBytes(b, 0, b.length);
                    if (n <= 0) break;
                    queue.put(n == b.length ? b : java.util.Arrays.copyOf(b, n));
                }
                queue.put(EOF);
            } catch (IOException e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private boolean fill() throws IOException {
            if (done) return false;
            if (block.length == BLOCK) free.offer(block); // the block read before: back to the decompressing thread
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading");
            }
            if (o instanceof IOException e) {
                done = true;
                throw e;
            }
            block = (byte[]) o;
            if (block == EOF) {
                done = true;
                return false;
            }
            pos = 0;
            len = block.length;
            return true;
        }

        @Override
        public int read() throws IOException {
            if (pos >= len && !fill()) return -1;
            return block[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int n) throws IOException {
            if (n == 0) return 0;
            if (pos >= len && !fill()) return -1;
            int k = Math.min(n, len - pos);
            System.arraycopy(block, pos, b, off, k);
            pos += k;
            return k;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            thread.interrupt();
            queue.clear();
            source.close();
        }
    }

    private static final class Utf8Stream extends InputStream {
        private final CharSequence text;
        private final AtomicLong consumed;
        private final CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final ByteBuffer out = ByteBuffer.allocate(1 << 16);
        private int charPos;
        private boolean flushed;

        Utf8Stream(CharSequence text, AtomicLong consumed) {
            this.text = text;
            this.consumed = consumed;
            out.flip();
        }

        private boolean fill() {
            if (out.hasRemaining()) return true;
            if (flushed) return false;
            out.clear();
            int end = Math.min(text.length(), charPos + (1 << 14));
            // do not split a surrogate pair between blocks
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
            CharBuffer in = CharBuffer.wrap(text, charPos, end);
            boolean last = end == text.length();
            CoderResult r = enc.encode(in, out, last);
            if (r.isError()) throw new UncheckedIOException(new IOException("cannot encode the text as UTF-8"));
            charPos = end - in.remaining();
            if (last && !in.hasRemaining()) {
                enc.flush(out);
                flushed = true;
            }
            if (consumed != null) consumed.set(charPos);
            out.flip();
            return out.hasRemaining() || fill();
        }

        @Override
        public int read() {
            if (!fill()) return -1;
            return out.get() & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (!fill()) return -1;
            int k = Math.min(len, out.remaining());
            out.get(b, off, k);
            return k;
        }
    }
}

package org.crimeanalytics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<List<String>> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), 1 << 20);
    }

    private static List<List<String>> read(byte[] bytes, int max) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(bytes), (byte) ',', max)) {
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < r.fieldCount(); i++) row.add(r.field(i));
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("\n\n"));
    }

    @Test
    void quotesDoubledQuotesDelimitersAndNewlinesInsideQuotes() throws IOException {
        assertEquals(List.of(List.of("a", "b,c", "say \"hi\"", "two\nlines", "")),
                read("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\n"));
    }

    @Test
    void anUnterminatedQuoteAtTheEndStaysReportedAfterTheLastRecord() throws IOException {
        // how a part of a file cut inside a quoted line break is recognised, after its rows are read
        try (CsvReader r = new CsvReader(new ByteArrayInputStream("a,b\nc,\"d\n".getBytes(StandardCharsets.UTF_8)), (byte) ',')) {
            assertTrue(r.next());
            assertFalse(r.unterminatedQuote());
            assertTrue(r.next());
            assertTrue(r.unterminatedQuote());
            assertFalse(r.next());
            assertTrue(r.unterminatedQuote());
        }
        try (CsvReader r = new CsvReader(new ByteArrayInputStream("a,\"b\nc\"\n".getBytes(StandardCharsets.UTF_8)), (byte) ',')) {
            assertTrue(r.next());
            assertFalse(r.next());
            assertFalse(r.unterminatedQuote());
        }
    }

    @Test
    void crlfLfBlankLinesAndMissingFinalNewline() throws IOException {
        assertEquals(List.of(List.of("h1", "h2"), List.of("1", "2"), List.of("3", "4")), read("h1,h2\r\n1,2\r\n\r\n3,4"));
    }

    @Test
    void byteOrderMarkIsDroppedAndLineNumbersCountPhysicalLines() throws IOException {
        byte[] body = "id,x\n1,\"a\nb\"\n\n2,c\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(withBom), (byte) ',')) {
            assertTrue(r.next());
            assertEquals("id", r.field(0));
            assertEquals(1, r.line());
            assertTrue(r.next());
            assertEquals("a\nb", r.field(1));
            assertEquals(2, r.line());
            assertTrue(r.next());
            assertEquals("2", r.field(0));
            assertEquals(5, r.line()); // line 4 is blank
            assertEquals(1, r.blankLines());
            assertFalse(r.next());
        }
    }

    @Test
    void unterminatedQuoteAndOversizedRecordAreFlagged() throws IOException {
        try (CsvReader r = new CsvReader(new ByteArrayInputStream("a,\"open\nnever closed".getBytes()), (byte) ',')) {
            assertTrue(r.next());
            assertTrue(r.unterminatedQuote());
        }
        String big = "x".repeat(5000);
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(("a,b\n" + big + ",1\nc,d\n").getBytes()), (byte) ',', 4096)) {
            assertTrue(r.next());
            assertFalse(r.oversized());
            assertTrue(r.next());
            assertTrue(r.oversized());
            assertEquals(0, r.fieldCount());
            assertTrue(r.next());
            assertEquals("c", r.field(0));
            assertEquals(3, r.line());
        }
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() throws IOException {
        byte[] b = {'a', ',', (byte) 0xFF, 'b', '\n'};
        assertEquals(List.of(List.of("a", "\uFFFDb")), read(b, 1 << 20));
    }

    @Test
    void numbersParseLikeTheJdk() throws IOException {
        String[] cells = {"34.0141", "-118.2978", "0", "-0.5", "1176346", "41.92934102", "1e5", "abc", "", " 7 ", "00012.50"};
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(String.join(",", cells).getBytes()), (byte) ',')) {
            assertTrue(r.next());
            for (int i = 0; i < cells.length; i++) {
                double expected;
                try {
                    expected = Double.parseDouble(cells[i].trim());
                } catch (NumberFormatException e) {
                    expected = Double.NaN;
                }
                assertEquals(expected, r.number(i), 0.0, cells[i]);
            }
        }
    }

    @Test
    void agreesWithCommonsCsvOnRandomRecordsAcrossBufferBoundaries() throws IOException {
        Random rnd = new Random(42);
        String alphabet = "ab,\"\n\r 1é";
        StringBuilder sb = new StringBuilder();
        List<List<String>> expected = new ArrayList<>();
        for (int r = 0; r < 3000; r++) {
            List<String> row = new ArrayList<>();
            int n = 1 + rnd.nextInt(6);
            for (int f = 0; f < n; f++) {
                StringBuilder cell = new StringBuilder();
                int len = rnd.nextInt(40);
                for (int k = 0; k < len; k++) cell.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                String c = cell.toString();
                if (f == 0 && c.isEmpty()) c = "x"; // keep rows non-blank
                row.add(c);
                if (f > 0) sb.append(',');
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            }
            sb.append(rnd.nextBoolean() ? "\n" : "\r\n");
            expected.add(row);
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, read(bytes, 1 << 20));
        List<List<String>> commons = new ArrayList<>();
        try (CSVParser p = CSVFormat.DEFAULT.parse(new java.io.StringReader(sb.toString()))) {
            for (CSVRecord rec : p) commons.add(rec.toList());
        }
        assertEquals(commons, expected);
        // and unquoted cells, read through a stream that returns one byte at a time
        InputStream slow = new InputStream() {
            final ByteArrayInputStream in = new ByteArrayInputStream("a,b\nc,d\r\ne,f".getBytes());

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, Math.min(1, len));
            }
        };
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader r = new CsvReader(slow, (byte) ',')) {
            while (r.next()) rows.add(List.of(r.field(0), r.field(1)));
        }
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f")), rows);
    }

    @Test
    void delimiterIsGuessedFromTheHeader() {
        byte[] semi = "a;b;c\n1;2;3".getBytes();
        assertEquals(';', CsvReader.guessDelimiter(semi, semi.length));
        byte[] tab = "a\tb\n".getBytes();
        assertEquals('\t', CsvReader.guessDelimiter(tab, tab.length));
        byte[] quoted = "\"a;b\",c,d\n".getBytes();
        assertEquals(',', CsvReader.guessDelimiter(quoted, quoted.length));
    }
}

package org.crimeanalytics.hotspot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference files written by {@code src/test/r/spdep_reference.R} (R spdep) from
 * {@code src/test/resources/reference/spdep}: plain CSV after one '#' line naming the versions.
 */
final class SpdepReference {

    static final Path DIR = Paths.get("src/test/resources/reference/spdep");

    private SpdepReference() {}

    /** A table: header names and rows of strings. */
    record Table(List<String> header, List<String[]> rows) {
        int col(String name) {
            int c = header.indexOf(name);
            if (c < 0) throw new IllegalArgumentException("no column " + name + " in " + header);
            return c;
        }

        double[] doubles(String name) {
            int c = col(name);
            double[] d = new double[rows.size()];
            for (int i = 0; i < d.length; i++) d[i] = parse(rows.get(i)[c]);
            return d;
        }

        String[] strings(String name) {
            int c = col(name);
            String[] s = new String[rows.size()];
            for (int i = 0; i < s.length; i++) s[i] = rows.get(i)[c];
            return s;
        }

        Map<String, Double> asMap() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (String[] r : rows) m.put(r[0], parse(r[1]));
            return m;
        }
    }

    static boolean exists(String file) {
        return Files.exists(DIR.resolve(file));
    }

    static Table read(String file) {
        try {
            List<String> lines = Files.readAllLines(DIR.resolve(file));
            int k = 0;
            while (lines.get(k).startsWith("#")) k++;
            List<String> header = List.of(lines.get(k).split(","));
            List<String[]> rows = new ArrayList<>();
            for (int i = k + 1; i < lines.size(); i++) if (!lines.get(i).isBlank()) rows.add(lines.get(i).split(",", -1));
            return new Table(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double parse(String s) {
        return switch (s) {
            case "NaN", "NA" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** The weights spdep used (0-based i, j, w), as raw (not standardised) weights of {@code n} features. */
    static SpatialWeights weights(String file, int n, SpatialWeights.Kind kind) {
        Table t = read(file);
        List<List<Integer>> js = new ArrayList<>();
        List<List<Double>> ws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            js.add(new ArrayList<>());
            ws.add(new ArrayList<>());
        }
        for (String[] r : t.rows()) {
            int i = Integer.parseInt(r[0]);
            js.get(i).add(Integer.parseInt(r[1]));
            ws.get(i).add(parse(r[2]));
        }
        int[][] nb = new int[n][];
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) {
            Integer[] order = new Integer[js.get(i).size()];
            for (int k = 0; k < order.length; k++) order[k] = k;
            final int fi = i;
            java.util.Arrays.sort(order, (a, b) -> Integer.compare(js.get(fi).get(a), js.get(fi).get(b)));
            nb[i] = new int[order.length];
            w[i] = new double[order.length];
            for (int k = 0; k < order.length; k++) {
                nb[i][k] = js.get(i).get(order[k]);
                w[i][k] = ws.get(i).get(order[k]);
            }
        }
        return new SpatialWeights(nb, w, false, kind, Double.NaN);
    }
}

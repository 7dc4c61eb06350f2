package org.crimeanalytics.html;

import java.util.Locale;
import org.crimeanalytics.style.Sld;

/**
 * Inline SVG charts (no scripts, no network): an hour x weekday heat grid and a series line chart
 * with its trend. Text is XML-escaped. Missing values (NaN) break the trend line.
 */
public final class Charts {

    private Charts() {}

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    /** counts[weekday 0 = Monday][hour]. */
    public static String heatGrid(String title, long[][] counts) {
        long max = 1;
        for (long[] r : counts) for (long v : r) max = Math.max(max, v);
        int cw = 24, ch = 20, left = 40, top = 36;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">",
                left + 24 * cw + 10, top + 7 * ch + 30));
        sb.append("<text x=\"4\" y=\"14\" font-size=\"13\" font-weight=\"bold\">").append(Sld.esc(title)).append("</text>");
        for (int h = 0; h < 24; h += 3) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%02d</text>", left + h * cw + 4, top - 4, h));
        }
        for (int d = 0; d < 7; d++) {
            sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", top + d * ch + 14, DAYS[d]));
            for (int h = 0; h < 24; h++) {
                double f = (double) counts[d][h] / max;
                int r = 255, g = (int) Math.round(255 - 200 * f), b = (int) Math.round(230 - 230 * f);
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,%d)\" stroke=\"#fff\">"
                        + "<title>%s %02d:00 - %d incidents</title></rect>", left + h * cw, top + d * ch, cw, ch, r, g, Math.max(0, b), DAYS[d], h, counts[d][h]));
            }
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">darker = more incidents (max %d per cell)</text>", left, top + 7 * ch + 20, max));
        sb.append("</svg>");
        return sb.toString();
    }

    /** A line chart of {@code values} (bars of counts) with {@code trend} drawn over it. */
    public static String series(String title, String[] labels, double[] values, double[] trend) {
        int w = 760, h = 260, left = 50, right = 10, top = 30, bottom = 40;
        double max = 1;
        for (double v : values) if (Double.isFinite(v)) max = Math.max(max, v);
        int n = values.length;
        double step = n > 1 ? (double) (w - left - right) / (n - 1) : 0;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">", w, h));
        sb.append("<text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\">").append(Sld.esc(title)).append("</text>");
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", left, h - bottom, w - right, h - bottom));
        sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%.0f</text><text x=\"4\" y=\"%d\">0</text>", top + 4, max, h - bottom));
        sb.append(path(values, left, step, h - bottom, (h - top - bottom) / max, "#377eb8", 1.5));
        if (trend != null) sb.append(path(trend, left, step, h - bottom, (h - top - bottom) / max, "#e41a1c", 2.5));
        int every = Math.max(1, n / 10);
        for (int i = 0; i < n; i += every) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%s</text>", left + i * step - 15, h - bottom + 14, Sld.esc(labels[i])));
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) continue;
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#377eb8\"><title>%s: %.0f%s</title></circle>",
                    left + i * step, h - bottom - values[i] * (h - top - bottom) / max, Sld.esc(labels[i]), values[i],
                    trend != null && Double.isFinite(trend[i]) ? String.format(Locale.ROOT, " (trend %.1f)", trend[i]) : ""));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#377eb8\">counts</text><text x=\"%d\" y=\"%d\" fill=\"#e41a1c\">trend (centred moving average)</text>",
                left, h - 8, left + 70, h - 8));
        sb.append("</svg>");
        return sb.toString();
    }

    private static String path(double[] v, int left, double step, int base, double scale, String colour, double width) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                pen = false;
                continue;
            }
            d.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", left + i * step, base - v[i] * scale));
            pen = true;
        }
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + width + "\"/>";
    }
}

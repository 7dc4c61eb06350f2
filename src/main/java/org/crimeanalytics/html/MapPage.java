package org.crimeanalytics.html;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.crimeanalytics.json.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.geo.GeoJson;
import org.crimeanalytics.style.Sld;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.geometry.jts.JTS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * One self-contained HTML page: a Leaflet map (Leaflet 1.9.4 inlined from the {@code org.webjars.npm:leaflet}
 * jar, so the page needs no network) with every output layer over the area layers of its run, each feature
 * coloured by the rule of its SLD that matches it (read back from the same document, so the classes are the
 * SLD's), a layer switcher, a legend for the visible layers, and a popup of the attributes on click; then the
 * temporal charts (inline SVG). At most {@value #MAX_FEATURES} features are put on the map per layer (every
 * k-th, said in the layer's name). Text from the data reaches the page only as escaped JSON and is inserted
 * with {@code textContent}, never as markup. Opening the page with {@code #check} opens the popup of the first
 * feature and fills {@code #status} with what was drawn, for a headless browser to read.
 */
public final class MapPage {

    public static final int MAX_FEATURES = 10000;
    static final String LEAFLET = "/META-INF/resources/webjars/leaflet/1.9.4/dist/";

    private record Layer(String title, SimpleFeatureCollection features, String sld, SimpleFeatureCollection base) {}

    private final List<Layer> layers = new ArrayList<>();
    private final List<String> charts = new ArrayList<>();

    public void addLayer(String title, SimpleFeatureCollection features, String sld, SimpleFeatureCollection base) {
        layers.add(new Layer(title, features, sld, base));
    }

    /** Adds the heat grid of a TemporalProfile 'matrix' CSV ('all' rows). */
    public void addMatrix(String title, String csv) throws IOException {
        long[][] m = new long[7][24];
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(csv))) {
            int d = 0;
            for (CSVRecord r : p) {
                if (!r.get("category").equals("all")) continue;
                for (int h = 0; h < 24; h++) m[d][h] = Long.parseLong(r.get(String.format(Locale.ROOT, "h%02d", h)));
                d++;
            }
        }
        charts.add(Charts.heatGrid(title, m));
    }

    /** Adds the chart of a TemporalProfile 'series' CSV. */
    public void addSeries(String title, String csv) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Double> v = new ArrayList<>(), t = new ArrayList<>();
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(csv))) {
            for (CSVRecord r : p) {
                labels.add(r.get("period"));
                v.add(Double.parseDouble(r.get("count")));
                t.add(r.get("trend").isEmpty() ? Double.NaN : Double.parseDouble(r.get("trend")));
            }
        }
        charts.add(Charts.series(title, labels.toArray(new String[0]), v.stream().mapToDouble(Double::doubleValue).toArray(),
                t.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    public boolean isEmpty() {
        return layers.isEmpty() && charts.isEmpty();
    }

    public void write(Writer w, String title) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Sld.esc(title) + "</title>\n");
        w.write("<style>\n" + resource("leaflet.css") + "\n</style>\n");
        w.write("<style>body{font-family:sans-serif;margin:16px;color:#222}h1{font-size:20px}h2{font-size:16px;margin:24px 0 6px}"
                + ".row{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap}#map{height:640px;border:1px solid #ccc;background:#f4f4f0}"
                + ".legend{background:#fff;padding:6px 8px;font-size:12px;max-height:420px;overflow:auto;box-shadow:0 1px 4px rgba(0,0,0,.3)}"
                + ".legend h4{margin:6px 0 2px;font-size:12px}.sw{display:inline-block;width:12px;height:12px;margin-right:6px;"
                + "vertical-align:middle;border:1px solid #555}.popup td{padding:0 6px 0 0;font-size:12px;vertical-align:top}"
                + ".note{color:#666;font-size:12px}#status{display:none}</style></head><body>\n");
        w.write("<h1>" + Sld.esc(title) + "</h1>\n<p class=\"note\">Self-contained page written by crime-analytics (Leaflet, no "
                + "network): switch layers top right, click a feature for its attributes. Colours and classes come from each layer's SLD.</p>\n");
        if (!layers.isEmpty()) {
            w.write("<div id=\"map\"></div>\n<pre id=\"status\"></pre>\n");
            w.write("<script type=\"application/json\" id=\"crime-data\">");
            w.write(data());
            w.write("</script>\n<script type=\"text/javascript\">\n" + resource("leaflet.js") + "\n</script>\n");
            w.write("<script type=\"text/javascript\">\n" + PAGE_SCRIPT + "</script>\n");
        }
        for (String c : charts) w.write("<div class=\"row\">" + c + "</div>\n");
        w.write("</body></html>\n");
    }

    /**
     * The page's layers as JSON, with every '<' escaped so nothing in the data can close the script element.
     * Compact: rows are [geometry, rule index, [values in the order of 'columns']], points are [x, y], polygons
     * are simplified to about a metre, and an area layer used by several runs is written once.
     */
    String data() {
        List<Object> bases = new ArrayList<>();
        Map<String, Integer> baseIndex = new java.util.HashMap<>();
        List<Object> out = new ArrayList<>();
        for (Layer l : layers) {
            Integer bi = null;
            if (l.base() != null) {
                String key = l.base().getSchema().getTypeName() + "|" + l.base().size() + "|" + l.base().getBounds();
                bi = baseIndex.get(key);
                if (bi == null) {
                    bi = bases.size();
                    baseIndex.put(key, bi);
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("title", "Areas: " + l.base().getSchema().getTypeName());
                    List<Object> rows = new ArrayList<>();
                    List<SimpleFeature> feats = list(l.base());
                    for (Geometry g : lonLat(l.base(), feats)) if (g != null && !g.isEmpty()) rows.add(List.of(geometry(g)));
                    b.put("features", rows);
                    bases.add(b);
                }
            }
            SldRules rules = l.sld() == null ? null : SldRules.parse(l.sld());
            List<SimpleFeature> feats = list(l.features());
            int step = Math.max(1, (feats.size() + MAX_FEATURES - 1) / MAX_FEATURES);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", l.title() + " (" + feats.size() + " features" + (step > 1 ? ", 1 in " + step + " shown" : "") + ")");
            m.put("base", bi);
            List<String> columns = new ArrayList<>();
            columns.add("id");
            for (AttributeDescriptor d : l.features().getSchema().getAttributeDescriptors()) {
                if (!Geometry.class.isAssignableFrom(d.getType().getBinding())) columns.add(d.getLocalName());
            }
            m.put("columns", columns);
            List<Object> legend = new ArrayList<>();
            List<SldRules.Rule> rl = rules == null ? List.of() : rules.rules();
            for (SldRules.Rule r : rl) legend.add(List.of(r.title() == null ? "" : r.title(), r.colour() == null ? "#ffffff" : r.colour()));
            legend.add(List.of("(no rule)", "#3182bd"));
            m.put("legend", legend);
            List<Geometry> geoms = lonLat(l.features(), feats);
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < feats.size(); i += step) {
                Geometry g = geoms.get(i);
                if (g == null || g.isEmpty()) continue;
                SimpleFeature f = feats.get(i);
                SldRules.Rule r = rules == null ? null : rules.ruleFor(f::getAttribute);
                int ri = r == null ? rl.size() : rl.indexOf(r);
                List<Object> values = new ArrayList<>(columns.size());
                values.add(f.getID());
                for (int c = 1; c < columns.size(); c++) values.add(value(f.getAttribute(columns.get(c))));
                rows.add(List.of(g instanceof Point p ? xy(p.getCoordinate()) : geometry(g), ri < 0 ? rl.size() : ri, values));
            }
            m.put("features", rows);
            out.add(m);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("bases", bases);
        all.put("layers", out);
        return Json.write(all).replace("<", "\\u003c");
    }

    private static Object value(Object v) {
        if (v == null) return null;
        if (v instanceof Date date) return GeoJson.isoFloating(date.getTime());
        if (v instanceof Double dd) return Double.isFinite(dd) ? String.format(Locale.ROOT, "%.4g", dd) : dd.toString();
        if (v instanceof Number || v instanceof Boolean) return v;
        return v.toString();
    }

    /** A GeoJSON geometry with coordinates rounded to 6 decimals (about 0.1 m). */
    static Map<String, Object> geometry(Geometry g) {
        if (g.getDimension() > 0 && g.getNumPoints() > 50) {
            g = org.locationtech.jts.simplify.TopologyPreservingSimplifier.simplify(g, 1e-5);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (g instanceof Point p) {
            m.put("type", "Point");
            m.put("coordinates", xy(p.getCoordinate()));
        } else if (g instanceof LineString ls) {
            m.put("type", "LineString");
            m.put("coordinates", coords(ls.getCoordinates()));
        } else if (g instanceof Polygon poly) {
            m.put("type", "Polygon");
            m.put("coordinates", rings(poly));
        } else {
            List<Object> parts = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) parts.add(geometry(g.getGeometryN(i)));
            m.put("type", "GeometryCollection");
            m.put("geometries", parts);
        }
        return m;
    }

    private static List<Object> rings(Polygon poly) {
        List<Object> r = new ArrayList<>();
        r.add(coords(poly.getExteriorRing().getCoordinates()));
        for (int h = 0; h < poly.getNumInteriorRing(); h++) r.add(coords(poly.getInteriorRingN(h).getCoordinates()));
        return r;
    }

    private static List<Object> coords(Coordinate[] cs) {
        List<Object> l = new ArrayList<>(cs.length);
        for (Coordinate c : cs) l.add(xy(c));
        return l;
    }

    private static List<Object> xy(Coordinate c) {
        return List.of(Math.rint(c.x * 1e6) / 1e6, Math.rint(c.y * 1e6) / 1e6);
    }

    static String resource(String name) throws IOException {
        try (var in = MapPage.class.getResourceAsStream(LEAFLET + name)) {
            if (in == null) throw new IOException("Leaflet " + name + " is not on the class path (org.webjars.npm:leaflet:1.9.4)");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Builds the map from #crime-data; all text goes in through textContent. */
    static final String PAGE_SCRIPT = String.join("\n",
            "(function () {",
            "  var data = JSON.parse(document.getElementById('crime-data').textContent);",
            "  var map = L.map('map', {zoomSnap: 0.25});",
            "  var overlays = {}, bounds = L.latLngBounds([]), legends = [], drawn = {}, first = null;",
            "  function el(tag, text, cls) { var e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; }",
            "  function geo(rows, style, withPopup, sink, ly) {",
            "    var fc = {type: 'FeatureCollection', features: rows.map(function (r) {",
            "      var g = Array.isArray(r[0]) ? {type: 'Point', coordinates: r[0]} : r[0];",
            "      return {type: 'Feature', geometry: g, properties: ly ? {c: ly.legend[r[1]][1], v: r[2]} : {}};",
            "    })};",
            "    return L.geoJSON(fc, {interactive: withPopup,",
            "      pointToLayer: function (f, ll) { return L.circleMarker(ll, {radius: 4}); },",
            "      style: style,",
            "      onEachFeature: function (f, layer) {",
            "        if (!withPopup) return;",
            "        layer.bindPopup(function () {",
            "          var t = el('table', null, 'popup');",
            "          ly.columns.forEach(function (k, i) { var v = f.properties.v[i]; if (v === null) return; var tr = el('tr'); tr.appendChild(el('td', k)); tr.appendChild(el('td', String(v))); t.appendChild(tr); });",
            "          return t;",
            "        });",
            "        if (sink) sink.push(layer);",
            "      }",
            "    });",
            "  }",
            "  var baseLayers = data.bases.map(function (b) {",
            "    var l = geo(b.features, function () { return {color: '#555', weight: 1, fill: false}; }, false);",
            "    overlays[b.title] = l; return l;",
            "  });",
            "  var outputs = [];",
            "  data.layers.forEach(function (ly, i) {",
            "    var sink = [];",
            "    var l = geo(ly.features, function (f) {",
            "      var pt = f.geometry.type === 'Point';",
            "      return {color: pt ? f.properties.c : '#333333', weight: pt ? 0.5 : 0.4, fillColor: f.properties.c, fillOpacity: pt ? 0.85 : 0.75};",
            "    }, true, sink, ly);",
            "    overlays[ly.title] = l; legends.push({layer: l, title: ly.title, rules: ly.legend.slice(0, ly.legend.length - 1)});",
            "    drawn[ly.title] = ly.features.length;",
            "    outputs.push({layer: l, base: ly.base});",
            "    if (i === 0) {",
            "      l.addTo(map); first = sink[0];",
            "      if (ly.base !== null) { baseLayers[ly.base].addTo(map); bounds.extend(baseLayers[ly.base].getBounds()); }",
            "      if (l.getBounds().isValid()) bounds.extend(l.getBounds());",
            "    }",
            "  });",
            "  // switching an output layer on shows its area layer and moves the map to it",
            "  map.on('overlayadd', function (e) {",
            "    outputs.forEach(function (o) {",
            "      if (o.layer !== e.layer) return;",
            "      var b = L.latLngBounds([]);",
            "      if (o.base !== null) { if (!map.hasLayer(baseLayers[o.base])) baseLayers[o.base].addTo(map); b.extend(baseLayers[o.base].getBounds()); }",
            "      if (o.layer.getBounds().isValid()) b.extend(o.layer.getBounds());",
            "      if (b.isValid()) map.fitBounds(b, {padding: [10, 10]});",
            "    });",
            "  });",
            "  var control = L.control.layers(null, overlays, {collapsed: false}).addTo(map);",
            "  var legend = L.control({position: 'bottomright'});",
            "  legend.onAdd = function () { this.div = el('div', null, 'legend'); return this.div; };",
            "  legend.update = function () {",
            "    var d = this.div; d.textContent = '';",
            "    legends.forEach(function (g) {",
            "      if (!map.hasLayer(g.layer) || !g.rules.length) return;",
            "      d.appendChild(el('h4', g.title));",
            "      g.rules.forEach(function (r) { var row = el('div'); var sw = el('span', null, 'sw'); sw.style.background = r[1]; row.appendChild(sw); row.appendChild(document.createTextNode(r[0])); d.appendChild(row); });",
            "    });",
            "  };",
            "  legend.addTo(map); legend.update();",
            "  map.on('overlayadd overlayremove', function () { legend.update(); });",
            "  if (bounds.isValid()) map.fitBounds(bounds, {padding: [10, 10]}); else map.setView([0, 0], 2);",
            "  var status = {layers: data.layers.length, bases: data.bases.length, features: drawn, paths: 0, popup: null};",
            "  if (location.hash === '#check' && first) {",
            "    first.openPopup(first.getLatLng ? first.getLatLng() : first.getBounds().getCenter());",
            "    var p = document.querySelector('.leaflet-popup-content'); status.popup = p ? p.textContent : null;",
            "  }",
            "  status.paths = document.querySelectorAll('#map path.leaflet-interactive').length;",
            "  document.getElementById('status').textContent = JSON.stringify(status);",
            "})();",
            "");

    private static List<SimpleFeature> list(SimpleFeatureCollection fc) {
        List<SimpleFeature> l = new ArrayList<>();
        try (SimpleFeatureIterator it = fc.features()) {
            while (it.hasNext()) l.add(it.next());
        }
        return l;
    }

    private static List<Geometry> lonLat(SimpleFeatureCollection fc, List<SimpleFeature> feats) {
        MathTransform t = fc.getSchema().getCoordinateReferenceSystem() == null || Crs.isLonLatWgs84(fc.getSchema().getCoordinateReferenceSystem())
                ? null : Crs.transform(fc.getSchema().getCoordinateReferenceSystem(), Crs.wgs84(), "map");
        List<Geometry> out = new ArrayList<>();
        for (SimpleFeature f : feats) {
            Object g = f.getDefaultGeometry();
            if (!(g instanceof Geometry geom)) {
                out.add(null);
                continue;
            }
            try {
                out.add(t == null ? geom : JTS.transform(geom, t));
            } catch (Exception e) {
                out.add(null);
            }
        }
        return out;
    }
}

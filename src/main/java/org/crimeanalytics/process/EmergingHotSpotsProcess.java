package org.crimeanalytics.process;

import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.geo.GeoJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.spacetime.SpaceTimeCube;
import org.crimeanalytics.temporal.TemporalProfile;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.util.ProgressListener;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** {@code crime:EmergingHotSpots}: new, growing, fading hot spots in a space-time cube. */
@DescribeProcess(
        title = "Emerging hot spots",
        description = "Builds a space-time cube of square cells (cellSize metres) x time steps (DAY, WEEK or MONTH), computes "
                + "Gi* for every bin with a space-time neighbourhood (cells within 'distance' metres at the same and the "
                + "'timeSteps' previous steps), runs the Mann-Kendall trend test on each cell's counts and on its z-scores, "
                + "and labels each cell with ArcGIS Pro's emerging hot spot categories as 'How Emerging Hot Spot Analysis "
                + "works' defines them: new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating, "
                + "historical hot spot, the eight matching cold spots, or no pattern (significance 0.05, 90 % rule). "
                + "Cells with no other cell within the distance are not tested (PATTERN 'Not Tested: No Neighbours'). "
                + "Needs at least 10 time steps. A first or last week or month the data covers in part only (more than a day "
                + "or two missing) is left out, its incidents counted in 'summary': fewer incidents everywhere would make cold "
                + "spots. Cells are those with at least one incident in the period.")
public class EmergingHotSpotsProcess {

    /** The PATTERN of a cell with no spatial neighbour. */
    static final String NOT_TESTED = SpaceTimeCube.NOT_TESTED;

    /** Time step of the cube. */
    public enum Step { DAY, WEEK, MONTH }

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class,
                description = "One polygon per cell: CATEGORY, PATTERN, COUNT, HOT_STEPS, COLD_STEPS, TREND_Z, TREND_P (counts), "
                        + "ZTREND_Z, ZTREND_P (Gi* z-scores)"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0 on CATEGORY"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: cube size, steps, neighbourhood, counts per pattern, skipped incidents")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "incidents", description = "Incidents with an occurrence time") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "timeAttribute", min = 0, defaultValue = "occurred", description = "Date attribute") String timeAttribute,
            @DescribeParameter(name = "cellSize", description = "Cell size in metres", minValue = 1, maxValue = 1000000) Double cellSize,
            @DescribeParameter(name = "step", min = 0, defaultValue = "MONTH", description = "DAY, WEEK or MONTH") Step step,
            @DescribeParameter(name = "distance", min = 0, minValue = 0, description = "Neighbourhood distance in metres (default 1.5 cell sizes: the 8 surrounding cells)") Double distance,
            @DescribeParameter(name = "timeSteps", min = 0, defaultValue = "1", minValue = 0, maxValue = 52, description = "Previous time steps in the neighbourhood") Integer timeSteps,
            @DescribeParameter(name = "crs", min = 0, description = "Projected CRS (default: the UTM zone of the data's centre, e.g. EPSG:32611)") CoordinateReferenceSystem crs,
            ProgressListener monitor) {
        if (cellSize == null) throw new ProcessException("cellSize: give a cell size in metres");
        HotSpotSupport.checkCellSize(cellSize);
        double band = distance == null ? cellSize * 1.5 : distance;
        if (!(band > 0) || Double.isInfinite(band)) throw new ProcessException("distance: must be a positive number of metres, was " + band);
        int ts = timeSteps == null ? 1 : timeSteps;
        if (ts < 0) throw new ProcessException("timeSteps: must be >= 0, was " + ts);
        Step st = step == null ? Step.MONTH : step;
        Steps.step(monitor, "Reading incidents", 5);
        SpaceTimeInput in = SpaceTimeInput.read(incidents, timeAttribute, st != Step.MONTH, crs, monitor);
        int n = in.time.length;
        int[] idx = new int[n];
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long t = in.time[i];
            idx[i] = switch (st) {
                case DAY -> (int) Math.floorDiv(t, 86_400_000L);
                case WEEK -> TemporalProfile.weekIndex(t);
                case MONTH -> TemporalProfile.monthIndex(t);
            };
            min = Math.min(min, idx[i]);
            max = Math.max(max, idx[i]);
        }
        // a first or last week or month the data covers in part only (an export from a Saturday, until the 12th) holds
        // fewer incidents everywhere: its cells would look cold, and trends would bend. Such steps are left out, counted.
        List<String> partial = new ArrayList<>();
        int partialIncidents = 0;
        ProjectedPoints points = in.points;
        if (st != Step.DAY && max > min) {
            long firstMs = Long.MAX_VALUE, lastMs = Long.MIN_VALUE;
            for (long t : in.time) {
                firstMs = Math.min(firstMs, t);
                lastMs = Math.max(lastMs, t);
            }
            java.util.function.IntFunction<String> label = st == Step.MONTH ? TemporalProfile::monthLabel : TemporalProfile::weekLabel;
            int[] whole = TemporalProfile.wholeSteps(min, max, firstMs, lastMs, st == Step.MONTH);
            int from = whole[0], to = whole[1];
            if (from != min) partial.add(label.apply(min) + ": incidents from " + GeoJson.isoFloating(firstMs).substring(0, 10));
            if (to != max) partial.add(label.apply(max) + ": incidents until " + GeoJson.isoFloating(lastMs).substring(0, 10));
            if (from != min || to != max) {
                int kept = 0;
                for (int i = 0; i < n; i++) if (idx[i] >= from && idx[i] <= to) kept++;
                int[] keep = new int[kept];
                for (int i = 0, k = 0; i < n; i++) if (idx[i] >= from && idx[i] <= to) keep[k++] = i;
                partialIncidents = n - kept;
                int[] kidx = new int[kept];
                for (int k = 0; k < kept; k++) kidx[k] = idx[keep[k]];
                idx = kidx;
                points = points.subset(keep);
                n = kept;
                min = from;
                max = to;
            }
        }
        int steps = max - min + 1;
        if (steps < 10) {
            throw new ProcessException("step: the incidents span " + steps + " " + st.name().toLowerCase() + "(s)" + (partial.isEmpty() ? ""
                    : " besides " + partial.size() + " covered in part only") + "; at least 10 time steps are needed"
                    + (st == Step.MONTH ? ": try step=WEEK" : st == Step.WEEK ? ": try step=DAY" : ""));
        }
        for (int i = 0; i < n; i++) idx[i] -= min;
        Limits.checkCells(points, cellSize, null);
        SpaceTimeCube cube = new SpaceTimeCube(new Grid(Grid.Shape.SQUARE, cellSize), points.x(), points.y(), idx, steps);
        if ((long) cube.cells.length * steps > 20_000_000L) {
            throw new ProcessException("cellSize: " + cube.cells.length + " cells x " + steps + " steps is too large a cube; use larger cells or steps");
        }
        if (monitor != null && monitor.isCanceled()) throw new ProcessException("cancelled");
        SpaceTimeCube.GiStar gi = cube.giStar(band, ts);
        int notTested = 0;
        List<String> notTestedIds = new ArrayList<>();
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("emerging_hotspots");
        tb.setCRS(points.sourceCrs());
        tb.add("geom", Polygon.class);
        tb.add("CELL_ID", String.class);
        tb.add("CATEGORY", Integer.class);
        tb.add("PATTERN", String.class);
        tb.add("COUNT", Integer.class);
        tb.add("HOT_STEPS", Integer.class);
        tb.add("COLD_STEPS", Integer.class);
        tb.add("TREND_Z", Double.class);
        tb.add("TREND_P", Double.class);
        tb.add("ZTREND_Z", Double.class);
        tb.add("ZTREND_P", Double.class);
        SimpleFeatureType type = tb.buildFeatureType();
        GeometryFactory gf = new GeometryFactory();
        List<SimpleFeature> out = new ArrayList<>();
        Map<String, Integer> patterns = new LinkedHashMap<>();
        for (int c = 0; c < cube.cells.length; c++) {
            SpaceTimeCube.CellPattern cp = cube.pattern(gi, c, 0.05);
            long key = cube.cells[c];
            String name = cp.pattern();
            if (gi.spatialNeighbours()[c] == 0 && notTested++ < 10) notTestedIds.add(Grid.first(key) + "_" + Grid.second(key));
            patterns.merge(name, 1, Integer::sum);
            out.add(SimpleFeatureBuilder.build(type, new Object[] {points.toSource(cube.grid().polygon(key, gf)),
                Grid.first(key) + "_" + Grid.second(key), cp.category(), name, cp.count(), cp.hotSteps(), cp.coldSteps(), cp.trendZ(),
                cp.trendP(), cp.zTrendZ(), cp.zTrendP()},
                    "emerging_hotspots." + (c + 1)));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cells", cube.cells.length);
        s.put("steps", steps);
        s.put("step", st.name());
        s.put("first_step", st == Step.MONTH ? TemporalProfile.monthLabel(min) : st == Step.WEEK ? TemporalProfile.weekLabel(min)
                : java.time.LocalDate.ofEpochDay(min).toString());
        s.put("cell_size_m", cellSize);
        s.put("neighbourhood_distance_m", band);
        s.put("neighbourhood_time_steps", ts);
        s.put("incidents_read", in.read);
        s.put("incidents_used", n);
        s.put("without_time", in.withoutTime);
        s.put("month_only_time", in.monthOnly);
        s.put("without_geometry", in.withoutGeometry);
        if (!partial.isEmpty()) {
            s.put("partial_steps_left_out", partial);
            s.put("incidents_in_partial_steps", partialIncidents);
            HotSpotSupport.warn(monitor, "crime:EmergingHotSpots", partialIncidents + " incidents of " + partial.size()
                    + " time step(s) the data covers in part only left out: " + partial);
        }
        s.put("patterns", patterns);
        s.put("cells_without_neighbours", notTested);
        if (notTested > 0) {
            s.put("cells_without_neighbours_note", "no other cell within " + band + " m: not tested (CATEGORY 0, PATTERN '"
                    + NOT_TESTED + "', no z-score trend); first " + notTestedIds);
            HotSpotSupport.warn(monitor, "crime:EmergingHotSpots", notTested + " of " + cube.cells.length
                    + " cells have no other cell within " + band + " m and were not tested");
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("result", new ListFeatureCollection(type, out));
        res.put("style", org.crimeanalytics.style.Styles.emergingHotSpots());
        res.put("summary", Json.pretty(s));
        return res;
    }

}

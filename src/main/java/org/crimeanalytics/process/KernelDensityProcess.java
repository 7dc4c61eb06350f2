package org.crimeanalytics.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.crimeanalytics.density.Bandwidth;
import org.crimeanalytics.density.Kernel;
import org.crimeanalytics.density.KernelDensity;
import org.crimeanalytics.density.Lattice;
import org.crimeanalytics.density.Surface;
import org.crimeanalytics.geo.ProjectedPoints;
import org.crimeanalytics.geo.StudyArea;
import org.crimeanalytics.grid.Grid;
import org.crimeanalytics.json.Json;
import org.crimeanalytics.style.Breaks;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.ProcessException;
import org.geotools.process.factory.DescribeParameter;
import org.geotools.process.factory.DescribeProcess;
import org.geotools.process.factory.DescribeResult;
import org.geotools.process.factory.DescribeResults;

/**
 * {@code crime:KernelDensity}: kernel density of incidents in incidents per km² on square or hexagon cells and
 * as a raster; the density of one layer relative to another (dual KDE); the change between two periods.
 */
@DescribeProcess(
        title = "Kernel density (incidents per km²)",
        description = "Kernel density estimate of incident points, as ArcGIS Pro's Kernel Density (planar) and CrimeStat's "
                + "single KDE compute it: KDE = (1/h²) Σ w K(d/h) in incidents per km² at the centre of every square or "
                + "hexagon cell (cellSize metres, grid anchored at the CRS origin), plus a float raster of square cells. "
                + "Kernels QUARTIC (default, 3/π (1-u²)²), GAUSSIAN (h = standard deviation), EPANECHNIKOV, UNIFORM, TRIANGULAR. "
                + "Bandwidth h in metres, or from the data: SILVERMAN (ArcGIS's spatial rule 0.9 min(SD, √(1/ln 2) Dm) n^-0.2, "
                + "a quartic radius, default) or SCOTT (σ n^-1/6, a Gaussian sd), carried to other kernels by equal variance. "
                + "Cell size, when not given: the shorter side of the data's extent / 250 (as ArcGIS) or a fifth of the "
                + "(quartic-equivalent) bandwidth if smaller, rounded to 1, 2 or 5 x 10^k m. With a studyArea only cells whose "
                + "centre lies in it are returned and the kernel mass falling outside is reported. Dual KDE: give reference "
                + "(e.g. population points with referenceWeightAttribute, or all incidents) for KDE_REF, KDE_RATIO and "
                + "SHARE_DIFF with the same bandwidth and cells. Change: give splitDate, or beforeFrom/beforeTo/afterFrom/afterTo "
                + "(half-open), for counts and KDE per period, KDE_CHANGE and KDE_RATIO. method AUTO evaluates the exact sum "
                + "unless it exceeds 5 x 10^7 kernel terms (over distinct locations), then a linear-binned table (Wand 1994).")
public class KernelDensityProcess {

    static final String UNIT = "incidents per km²";

    @DescribeResults({
        @DescribeResult(name = "result", type = SimpleFeatureCollection.class,
                description = "Cells (polygons in the input CRS) with CELL_ID, JOIN_COUNT and KDE (incidents per km²); dual: "
                        + "REF_SUM, KDE_REF, KDE_RATIO, SHARE_DIFF; change: COUNT_BEFORE, COUNT_AFTER, KDE_BEFORE, KDE_AFTER, "
                        + "KDE_CHANGE, KDE_RATIO"),
        @DescribeResult(name = "raster", type = GridCoverage2D.class,
                description = "Float raster of square cells in the metric CRS: KDE (dual: KDE_RATIO, change: KDE_CHANGE); "
                        + "not computed as a rendering transformation"),
        @DescribeResult(name = "style", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0 for the cells: density classes from the data (change: diverging)"),
        @DescribeResult(name = "rasterStyle", type = String.class, meta = {"mimeTypes=application/vnd.ogc.sld+xml"},
                description = "SLD 1.0.0 ColorMap for the raster"),
        @DescribeResult(name = "summary", type = String.class, meta = {"mimeTypes=application/json"},
                description = "JSON: bandwidth and how it was chosen, cell size, method, incidents used and skipped, mass, "
                        + "study-area edge loss, periods")
    })
    public Map<String, Object> execute(
            @DescribeParameter(name = "incidents", description = "Incident points") SimpleFeatureCollection incidents,
            @DescribeParameter(name = "weightAttribute", min = 0, description = "Numeric attribute weighting each incident (e.g. a count); default 1") String weightAttribute,
            @DescribeParameter(name = "reference", min = 0, description = "Dual KDE: the layer to compare with, e.g. population or all incidents (points; polygons have their weight spread over the cells they cover)") SimpleFeatureCollection reference,
            @DescribeParameter(name = "referenceWeightAttribute", min = 0, description = "Numeric attribute weighting each reference feature (e.g. population); default 1") String referenceWeightAttribute,
            @DescribeParameter(name = "ratioPer", min = 0, defaultValue = "1", description = "Dual KDE: KDE_RATIO per this many units of reference weight (e.g. 1000: incidents per 1,000 residents)") Double ratioPer,
            @DescribeParameter(name = "timeAttribute", min = 0, defaultValue = "occurred", description = "Incident date attribute for the change between periods") String timeAttribute,
            @DescribeParameter(name = "splitDate", min = 0, description = "Change: incidents before this date against those from it on") Date splitDate,
            @DescribeParameter(name = "beforeFrom", min = 0, description = "Change: start of the earlier period (inclusive)") Date beforeFrom,
            @DescribeParameter(name = "beforeTo", min = 0, description = "Change: end of the earlier period (exclusive)") Date beforeTo,
            @DescribeParameter(name = "afterFrom", min = 0, description = "Change: start of the later period (inclusive)") Date afterFrom,
            @DescribeParameter(name = "afterTo", min = 0, description = "Change: end of the later period (exclusive)") Date afterTo,
            @DescribeParameter(name = "kernel", min = 0, defaultValue = "QUARTIC", description = "QUARTIC, GAUSSIAN, EPANECHNIKOV, UNIFORM or TRIANGULAR") Kernel kernel,
            @DescribeParameter(name = "bandwidth", min = 0, minValue = 1, maxValue = 1000000, description = "Bandwidth in metres: the radius (the standard deviation for GAUSSIAN); default from bandwidthRule") Double bandwidth,
            @DescribeParameter(name = "bandwidthRule", min = 0, defaultValue = "SILVERMAN", description = "SILVERMAN (ArcGIS's spatial rule) or SCOTT, when no bandwidth is given") Bandwidth.Rule bandwidthRule,
            @DescribeParameter(name = "cellSize", min = 0, minValue = 1, maxValue = 1000000, description = "Cell size in metres (side of a square; distance between hexagon centres); default from the data") Double cellSize,
            @DescribeParameter(name = "cellShape", min = 0, defaultValue = "SQUARE", description = "SQUARE or HEXAGON") Grid.Shape cellShape,
            @DescribeParameter(name = "studyArea", min = 0, description = "Polygons where incidents are possible: only cells inside are returned, the mass outside is reported") SimpleFeatureCollection studyArea,
            @DescribeParameter(name = "method", min = 0, defaultValue = "AUTO", description = "AUTO, EXACT (the full sum) or BINNED (linear binning, fast for millions of incidents)") KernelDensity.Method method,
            @DescribeParameter(name = "classification", min = 0, description = "Style classes: MEAN_MULTIPLES (1, 2, 3... x the mean cell, Chainey; the default), NATURAL_BREAKS, QUANTILE (the default for a dual ratio), EQUAL_INTERVAL or LOGARITHMIC") Breaks.Method classification,
            @DescribeParameter(name = "classes", min = 0, defaultValue = "6", minValue = 2, maxValue = 9, description = "Number of style classes") Integer classes,
            @DescribeParameter(name = "crs", min = 0, description = "Projected CRS to work in (default: the UTM zone of the data's centre, e.g. EPSG:32611)") CoordinateReferenceSystem crs,
            @DescribeParameter(name = "outputBBOX", min = 0, description = "As a rendering transformation (env wms_bbox): the map drawn; the bandwidth uses the whole layer, "
                    + "only cells in this view (plus a margin) are computed and returned") ReferencedEnvelope outputBBOX,
            @DescribeParameter(name = "outputWidth", min = 0, minValue = 1, maxValue = 20000, description = "Map width in pixels (env wms_width)") Integer outputWidth,
            @DescribeParameter(name = "outputHeight", min = 0, minValue = 1, maxValue = 20000, description = "Map height in pixels (env wms_height)") Integer outputHeight,
            @DescribeParameter(name = "cellSizePixels", min = 0, defaultValue = "8", minValue = 2, maxValue = 512,
                    description = "With a view and no cellSize: cells about this many pixels wide (rounded to 1, 2 or 5 x 10^k metres)") Integer cellSizePixels,
            ProgressListener monitor) {
        if (incidents == null) throw new ProcessException("incidents: required");
        Kernel k = kernel == null ? Kernel.QUARTIC : kernel;
        KernelDensity.Method m = method == null ? KernelDensity.Method.AUTO : method;
        int nClasses = classes == null ? 6 : classes;
        if (nClasses < 2 || nClasses > 9) throw new ProcessException("classes: must be between 2 and 9, was " + nClasses);
        if (bandwidth != null && !(bandwidth >= 1 && bandwidth <= 1_000_000)) {
            throw new ProcessException("bandwidth: must be between 1 and 1,000,000 metres, was " + bandwidth);
        }
        if (cellSize != null) HotSpotSupport.checkCellSize(cellSize);
        MapView view = MapView.of(outputBBOX, outputWidth, outputHeight);
        int px = cellSizePixels == null ? 8 : cellSizePixels;
        if (px < 2 || px > 512) throw new ProcessException("cellSizePixels: must be 2 to 512, was " + px);
        DensityPeriods periods = DensityPeriods.of(splitDate, beforeFrom, beforeTo, afterFrom, afterTo);
        if (periods != null && reference != null) {
            throw new ProcessException("reference, splitDate: give a reference layer (dual KDE) or periods (change), not both");
        }
        if (monitor != null) monitor.started();
        BooleanSupplier cancelled = () -> monitor != null && monitor.isCanceled();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("analysis", periods != null ? "change" : reference != null ? "dual" : "single");
        summary.put("kernel", k.name());
        List<String> warnings = new ArrayList<>();
        String process = "crime:KernelDensity";

        // 1. points in metres (and times for a change), weights, read in one pass
        task(monitor, "Reading incidents");
        String ta = periods != null ? (timeAttribute == null ? "occurred" : timeAttribute) : null;
        java.util.function.Supplier<DensityInputs.Read> reading = () -> DensityInputs.read(incidents, weightAttribute, ta, false, crs, "incidents",
                "weightAttribute", monitor, n -> Limits.checkIncidents(n, "incidents"));
        // on the fly every tile needs the whole layer's points (the bandwidth): read once, kept for the next tiles
        DensityInputs.Read in = view == null ? reading.get() : TransformationCache.get(TransformationCache.key("KernelDensity", incidents,
                weightAttribute, ta, crs == null ? null : org.geotools.referencing.CRS.toSRS(crs)), reading);
        summary.put("incidents_read", in.read());
        if (periods != null) summary.put("incidents_without_date", in.withoutTime());
        summary.put("incidents_without_geometry", Math.max(in.withoutGeometry(), in.points().nullGeometries()));
        if (weightAttribute != null) {
            summary.put("incidents_without_weight", in.withoutWeight());
            if (in.withoutWeight() > 0) {
                warnings.add("weightAttribute: " + in.withoutWeight() + " incidents have no value in '" + weightAttribute + "' and are left out");
            }
        }
        ProjectedPoints pts = in.points();
        double[] w = in.weights();
        long[] times = in.times();
        Limits.checkIncidents(pts.size(), "incidents");
        DensityPeriods.Split split = null;
        if (periods != null) {
            // only the incidents of the two periods choose the bandwidth and the cells
            DensityPeriods.Split all = periods.split(times);
            summary.put("periods", all.describe());
            if (all.before().length == 0 || all.after().length == 0) {
                throw new ProcessException((splitDate != null ? "splitDate" : all.before().length == 0 ? "beforeFrom" : "afterFrom")
                        + ": the " + (all.before().length == 0 ? "earlier" : "later") + " period holds no incident (" + all.text() + ")");
            }
            if (all.unequalLengths()) {
                warnings.add("periods: the two periods differ in length (" + all.lengthsText() + "): KDE_CHANGE compares totals, not rates");
            }
            int[] both = java.util.stream.IntStream.concat(java.util.Arrays.stream(all.before()), java.util.Arrays.stream(all.after()))
                    .sorted().toArray();
            pts = DensityInputs.subset(pts, both);
            w = DensityInputs.subset(w, both);
            long[] t = new long[both.length];
            for (int q = 0; q < both.length; q++) t[q] = times[both[q]];
            times = t;
            split = periods.split(times);
        }
        if (pts.size() == 0) throw new ProcessException("incidents: no incident with a location");
        ProjectedPoints ref = null;
        double[] refW = null;
        boolean spreadPolygons = reference != null && DensityInputs.polygonal(reference);
        if (reference != null && !spreadPolygons) {
            DensityInputs.Read r = DensityInputs.read(reference, referenceWeightAttribute, null, true, pts.metricCrs(), "reference",
                    "referenceWeightAttribute", monitor, null);
            ref = r.points();
            refW = r.weights();
        } else if (reference == null && referenceWeightAttribute != null) {
            throw new ProcessException("referenceWeightAttribute: only with a reference layer");
        }
        if (ratioPer != null && !(ratioPer > 0)) throw new ProcessException("ratioPer: must be > 0, was " + ratioPer);
        if (monitor != null) monitor.progress(20);

        // 2. bandwidth and cells
        task(monitor, "Choosing the bandwidth and cells");
        double h;
        Map<String, Object> bw = new LinkedHashMap<>();
        if (bandwidth != null) {
            h = bandwidth;
            bw.put("rule", "given");
        } else {
            Bandwidth.Rule rule = bandwidthRule == null ? Bandwidth.Rule.SILVERMAN : bandwidthRule;
            Bandwidth.Choice c = Bandwidth.choose(rule, pts.x(), pts.y(), w);
            if (!(c.value() > 0)) {
                throw new ProcessException("bandwidth: the incidents have no spread (all at one location or no weight), so "
                        + rule + " gives none; give bandwidth in metres");
            }
            h = Bandwidth.forKernel(c.value(), c.madeFor(), k);
            bw.putAll(c.details(rule, k));
        }
        bw.put("bandwidth_m", h);
        bw.put("meaning", k == Kernel.GAUSSIAN ? "standard deviation" : "radius");
        double hQuartic = Bandwidth.forKernel(h, k, Kernel.QUARTIC);
        StudyArea area = studyArea == null ? null : StudyArea.read(studyArea, pts, "studyArea");
        double cell;
        String cellRule;
        if (cellSize != null) {
            cell = cellSize;
            cellRule = "given";
        } else if (view != null) {
            cell = view.cellSize(px, HotSpotSupport.centreLatitude(incidents));
            cellRule = px + " pixels of the view";
        } else {
            double side = DensityInputs.extentRule(pts, area);
            cell = Math.max(1, MapView.nice(Math.min(side, hQuartic / 5)));
            cellRule = "the smaller of the extent's shorter side / 250 (at least its longer side / 1,000: " + Math.round(side)
                    + " m) and a fifth of the quartic-equivalent bandwidth (" + Math.round(hQuartic / 5) + " m), rounded";
        }
        HotSpotSupport.checkCellSize(cell);
        Grid.Shape shape = cellShape == null ? Grid.Shape.SQUARE : cellShape;
        Lattice lattice = new Lattice(new Grid(shape, cell));
        KernelDensity kd = new KernelDensity(k, h, lattice);
        if (cell > hQuartic / 2) {
            warnings.add("cellSize: cells of " + cell + " m are coarse for a bandwidth of " + Math.round(h) + " m (a quartic-"
                    + "equivalent radius of " + Math.round(hQuartic) + " m): the surface is blocky; use cells of at most "
                    + Math.round(hQuartic / 4) + " m");
        }

        if (spreadPolygons) {
            DensityInputs.Read r = DensityInputs.spread(reference, referenceWeightAttribute, pts, lattice, "reference", "referenceWeightAttribute");
            ref = r.points();
            refW = r.weights();
            summary.put("reference_polygons", r.read() + " polygons, each weight spread equally over the centres of the cells it "
                    + "covers (areal weighting; a polygon covering none at its centroid)");
        }

        // 3. the window of cells
        DensityInputs.Windows win = DensityInputs.windows(kd, pts, ref, area, view, px, "cellSize");
        KernelDensity.Method used = m != KernelDensity.Method.AUTO ? m : kd.resolve(m, KernelDensity.distinct(pts.x(), pts.y())
                + (ref == null ? 0 : KernelDensity.distinct(ref.x(), ref.y())));
        if (monitor != null) monitor.progress(30);

        // 4. surfaces
        task(monitor, "Estimating densities");
        DensityFields f;
        try {
            f = DensityFields.compute(kd, win.compute(), used, pts, w, ref, refW, ratioPer == null ? 1 : ratioPer, split, cancelled);
        } catch (KernelDensity.CancelledException e) {
            throw new ProcessException("cancelled");
        }
        if (monitor != null) monitor.progress(75);

        // 5. outputs
        task(monitor, "Building cells, raster and style");
        DensityOutputs out = DensityOutputs.build(f, area, pts, cancelled);
        summary.put("bandwidth", bw);
        summary.put("cell_shape", shape.name());
        summary.put("cell_size_m", cell);
        summary.put("cell_size_rule", cellRule);
        summary.put("method", used.name());
        summary.put("unit", UNIT);
        summary.put("incidents_used", pts.size());
        if (w != null) summary.put("incident_weight_total", DensityInputs.sum(w));
        summary.putAll(f.details());
        summary.putAll(out.details());
        summary.put("metric_crs", org.geotools.referencing.CRS.toSRS(pts.metricCrs()));
        if (view != null) summary.put("view_pixels", view.width() + "x" + view.height());
        if (area == null && view == null && out.details().get("kde") instanceof Map<?, ?> km) {
            double mass = ((Number) km.get("mass_on_cells")).doubleValue(), total = w == null ? pts.size() : DensityInputs.sum(w);
            if (Math.abs(mass - total) > 0.05 * total) {
                warnings.add("cellSize: the density at the cell centres adds up to " + Math.round(mass) + " incidents of " + Math.round(total)
                        + ": cells of " + cell + " m are too coarse for a bandwidth of " + Math.round(h) + " m; use cells of at most "
                        + Math.round(hQuartic / 4) + " m");
            }
        }
        if (area != null && out.massOutsideShare() > 0.05) {
            warnings.add("studyArea: " + Math.round(100 * out.massOutsideShare()) + " % of the kernel mass falls outside the "
                    + "study area (edge effect): densities near its edge are underestimated");
        }
        GridCoverage2D raster = null;
        if (view == null) {
            try {
                raster = DensityOutputs.raster(f, kd, pts, w, ref, refW, ratioPer == null ? 1 : ratioPer, split, used, area, cancelled);
            } catch (KernelDensity.CancelledException e) {
                throw new ProcessException("cancelled");
            }
        }
        double[] styled = out.values(f.styleField());
        String style;
        String rasterStyle;
        Breaks.Method cm = classification != null ? classification : ref != null ? Breaks.Method.QUANTILE : Breaks.Method.MEAN_MULTIPLES;
        if (f.signed()) {
            double maxAbs = 0;
            for (double v : styled) if (Double.isFinite(v)) maxAbs = Math.max(maxAbs, Math.abs(v));
            style = org.crimeanalytics.style.Styles.densityChange(f.styleField(), maxAbs, UNIT, org.crimeanalytics.style.Sld.Kind.POLYGON);
            rasterStyle = org.crimeanalytics.style.Styles.changeRaster("crime_kde_change_raster", "Change of kernel density", maxAbs, UNIT);
            summary.put("style_limit_abs", maxAbs);
        } else {
            double[] breaks = Breaks.compute(styled, nClasses, cm);
            String unit = f.styleUnit();
            style = org.crimeanalytics.style.Styles.density("crime_kde_" + f.styleField().toLowerCase(), f.styleTitle(), f.styleField(),
                    breaks, unit, cm.name() + " classes of " + f.styleField() + " computed from the cells", org.crimeanalytics.style.Sld.Kind.POLYGON);
            rasterStyle = org.crimeanalytics.style.Styles.densityRaster("crime_kde_raster", f.styleTitle(), breaks, unit);
            summary.put("style_classes", cm.name());
            summary.put("style_breaks", breaks);
        }
        for (String wmsg : warnings) HotSpotSupport.warn(monitor, process, wmsg);
        summary.put("warnings", warnings);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("result", out.features());
        result.put("raster", raster);
        result.put("style", style);
        result.put("rasterStyle", rasterStyle);
        result.put("summary", Json.pretty(summary));
        if (monitor != null) monitor.complete();
        return result;
    }

    private static void task(ProgressListener monitor, String text) {
        if (monitor != null) monitor.setTask(new org.geotools.util.SimpleInternationalString(text));
    }

    /**
     * As a rendering transformation the bandwidth needs every incident, not only those of the tile: the query is
     * widened to the whole layer (see {@link MapView}).
     */
    public org.geotools.api.data.Query invertQuery(org.geotools.api.data.Query targetQuery,
            org.geotools.api.coverage.grid.GridGeometry gridGeometry) {
        return MapView.wholeLayer(targetQuery, OUTPUT_ATTRIBUTES);
    }

    /** The attributes this process adds, which the style rules of a transformation test. */
    static final java.util.Set<String> OUTPUT_ATTRIBUTES = java.util.Set.of("CELL_ID", "JOIN_COUNT", "KDE", "REF_SUM", "KDE_REF", "KDE_RATIO", "SHARE_DIFF", "COUNT_BEFORE", "COUNT_AFTER", "KDE_BEFORE", "KDE_AFTER", "KDE_CHANGE");
}

package org.crimeanalytics.process;

import java.util.Map;
import org.geotools.api.data.Parameter;
import org.geotools.api.feature.type.Name;
import org.geotools.process.Process;
import org.geotools.process.factory.AnnotatedBeanProcessFactory;
import org.geotools.text.Text;

/**
 * The {@code crime:} processes, found by GeoServer's WPS and rendering transformations (and by the
 * command line) through {@code META-INF/services/org.geotools.process.ProcessFactory}. A process
 * class {@code FooProcess} is published as {@code crime:Foo}.
 */
public class CrimeProcessFactory extends AnnotatedBeanProcessFactory {

    /** Namespace prefix of every process. */
    public static final String NAMESPACE = "crime";

    /** Every process of the extension; add new ones here. */
    static final Class<?>[] PROCESSES = {
        ImportIncidentsProcess.class,
        HotSpotsProcess.class,
        OptimizedHotSpotsProcess.class,
        KernelDensityProcess.class,
        ClusterOutlierProcess.class,
        AggregateToAreasProcess.class,
        ClusterAreasProcess.class,
        ClusterIncidentsProcess.class,
        TemporalProfileProcess.class,
        EvaluateHotspotsProcess.class,
        NearRepeatProcess.class,
        EmergingHotSpotsProcess.class,
        TrainModelProcess.class,
        PredictProcess.class,
        FeatureImpactProcess.class,
    };

    private final boolean wps;

    /** The factory GeoServer and the command line load: GeoServer WPS typing when its WPS extension is installed. */
    public CrimeProcessFactory() {
        this(geoServerWps());
    }

    /**
     * @param wps type the processes for GeoServer's WPS ({@link GeoServerWps}: text outputs with MIME types and the
     *     CSV upload as complex RawData), which needs GeoServer's WPS classes at run time
     */
    public CrimeProcessFactory(boolean wps) {
        super(Text.text("Crime analytics"), NAMESPACE, PROCESSES);
        this.wps = wps;
    }

    /** Whether GeoServer's WPS extension is on the class path (RawData and the WPS service configuration). */
    static boolean geoServerWps() {
        ClassLoader cl = CrimeProcessFactory.class.getClassLoader();
        try {
            Class.forName("org.geoserver.wps.process.RawData", false, cl);
            Class.forName("org.geoserver.wps.WPSInfo", false, cl);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether the processes are typed for GeoServer's WPS. */
    public boolean typedForWps() {
        return wps;
    }

    @Override
    public Map<String, Parameter<?>> getParameterInfo(Name name) {
        Map<String, Parameter<?>> p = super.getParameterInfo(name);
        return wps && p != null ? GeoServerWps.inputs(p) : p;
    }

    @Override
    public Map<String, Parameter<?>> getResultInfo(Name name, Map<String, Object> parameters) throws IllegalArgumentException {
        Map<String, Parameter<?>> r = super.getResultInfo(name, parameters);
        return wps && r != null ? GeoServerWps.results(r) : r;
    }

    @Override
    public Process create(Name name) {
        Process p = super.create(name);
        if (!wps || p == null) return p;
        return GeoServerWps.wrap(name, p, super.getParameterInfo(name), super.getResultInfo(name, null));
    }
}

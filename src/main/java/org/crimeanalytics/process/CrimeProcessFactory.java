package org.crimeanalytics.process;

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

    public CrimeProcessFactory() {
        super(Text.text("Crime analytics"), NAMESPACE, PROCESSES);
    }
}

package org.crimeanalytics.hotspot;

/** Reference values of {@link SpdepReference} for tests in other packages. */
public final class SpdepReferenceAccess {

    private SpdepReferenceAccess() {}

    /** The Gi* z column of a local reference file. */
    public static double[] gistar(String file) {
        return SpdepReference.read(file).doubles("gistar_z");
    }
}

package org.crimeanalytics.process;

/** How neighbours are defined for the hot spot and cluster/outlier statistics. */
public enum WeightsType {
    /** Binary weights within a distance band (default: the smallest band giving every feature a neighbour). */
    FIXED_DISTANCE,
    /** (d_min / d) within the distance band: unit-free inverse distance, d_min the closest linked pair. */
    INVERSE_DISTANCE,
    /** The k nearest features. */
    KNN,
    /** Polygons sharing at least a point. */
    QUEEN,
    /** Polygons sharing an edge. */
    ROOK
}

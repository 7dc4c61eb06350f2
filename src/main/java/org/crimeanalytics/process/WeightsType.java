package org.crimeanalytics.process;

/** How neighbours are defined for the hot spot and cluster/outlier statistics. */
public enum WeightsType {
    /** Binary weights within a distance band (default: the smallest band giving every feature a neighbour). */
    FIXED_DISTANCE,
    /** 1/d within the distance band. */
    INVERSE_DISTANCE,
    /** The k nearest features. */
    KNN,
    /** Polygons sharing at least a point. */
    QUEEN,
    /** Polygons sharing an edge. */
    ROOK
}

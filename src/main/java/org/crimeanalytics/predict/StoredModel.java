package org.crimeanalytics.predict;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * What a trained model needs to predict again: the Weka classifier, the empty data set header it was
 * trained on (attribute order, nominal values), the task and the feature settings.
 *
 * @param task CLASSIFY_OFFENSE or AREA_COUNTS
 * @param premises nominal values of the premise feature (CLASSIFY_OFFENSE)
 * @param censusAttributes area attributes used as features (AREA_COUNTS)
 * @param lags number of lagged monthly counts (AREA_COUNTS)
 * @param metricCrsWkt the projection the coordinates were measured in (CLASSIFY_OFFENSE), as WKT
 */
public record StoredModel(String task, Classifier classifier, Instances header, List<String> premises, List<String> censusAttributes,
        int lags, String metricCrsWkt, Map<String, Object> card) implements Serializable {
    private static final long serialVersionUID = 1L;
}

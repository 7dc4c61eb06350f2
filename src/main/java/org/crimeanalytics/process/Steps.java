package org.crimeanalytics.process;

import org.geotools.api.util.ProgressListener;
import org.geotools.util.SimpleInternationalString;

/**
 * A process's steps as a user reads them in a WPS status document or on the console (issue #20: an asynchronous run
 * reported 0 % for its whole length): the step's name ({@code setTask}) and how far the run is ({@code progress},
 * 0-100).
 */
final class Steps {

    private Steps() {}

    static void step(ProgressListener monitor, String task, float percent) {
        if (monitor == null) return;
        monitor.setTask(new SimpleInternationalString(task));
        monitor.progress(percent);
    }
}

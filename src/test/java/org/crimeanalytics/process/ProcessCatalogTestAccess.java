package org.crimeanalytics.process;

import java.util.Map;

/** Lets other test packages use the catalog's sample inputs. */
public final class ProcessCatalogTestAccess {

    private ProcessCatalogTestAccess() {}

    public static Map<String, Object> sample(String process) {
        var s = ProcessCatalogTest.SAMPLES.get(process);
        if (s == null) throw new IllegalStateException("no sample for crime:" + process);
        return s.get();
    }
}

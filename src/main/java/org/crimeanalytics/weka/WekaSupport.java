package org.crimeanalytics.weka;

import java.io.File;

/**
 * Keeps Weka from writing {@code ~/wekafiles} into the home directory of whoever runs the process
 * (in GeoServer: the service user). Weka's package manager reads {@code WEKA_HOME} from its
 * {@code weka.core.Environment}, which holds the process environment; when the operator has not set
 * {@code WEKA_HOME}, we point it at a directory under {@code java.io.tmpdir} (or the system property
 * {@code crime.wekaHome}) before any Weka class that reads it is initialised.
 *
 * <p>Every class of ours that uses Weka calls {@link #init()} first (cheap after the first call).
 */
public final class WekaSupport {

    private static volatile boolean done;

    /**
     * netlib-java (Weka's linear algebra) logs four warnings the first time it runs, that no native ARPACK or BLAS is
     * installed; it then uses the Java implementation Weka ships, as intended. Held here so the level set stays.
     */
    private static final java.util.logging.Logger NETLIB = java.util.logging.Logger.getLogger("com.github.fommil.netlib");

    private WekaSupport() {}

    /** Establishes WEKA_HOME once per JVM. */
    public static void init() {
        if (done) return;
        synchronized (WekaSupport.class) {
            if (done) return;
            String home = System.getenv("WEKA_HOME");
            if (home == null || home.isBlank()) {
                home = System.getProperty("crime.wekaHome",
                        new File(System.getProperty("java.io.tmpdir"), "crime-analytics-wekafiles").getPath());
                weka.core.Environment.getSystemWide().addVariable("WEKA_HOME", home);
            }
            new File(home).mkdirs();
            NETLIB.setLevel(java.util.logging.Level.SEVERE);
            done = true;
        }
    }

    /** The directory Weka will use. */
    public static String wekaHome() {
        init();
        return weka.core.Environment.getSystemWide().getVariableValue("WEKA_HOME");
    }
}

package org.crimeanalytics.cli;

import java.io.PrintStream;
import org.geotools.api.util.InternationalString;
import org.geotools.api.util.ProgressListener;

/** Prints a process's progress to stderr: a line at every 10 % after the first second, and the task. */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream err;
    private final String name;
    private final long start = System.nanoTime();
    private volatile boolean canceled;
    private float progress;
    private int lastDecile = -1;
    private InternationalString task;

    ConsoleProgress(String name, PrintStream err) {
        this.name = name;
        this.err = err;
    }

    @Override
    public InternationalString getTask() {
        return task;
    }

    @Override
    public void setTask(InternationalString task) {
        this.task = task;
    }

    @Override
    public void started() {}

    @Override
    public void progress(float percent) {
        if (percent < progress) lastDecile = (int) (percent / 10); // a new stage started over
        progress = percent;
        int decile = (int) (percent / 10);
        if (decile > lastDecile && System.nanoTime() - start > 1_000_000_000L) {
            lastDecile = decile;
            err.printf("  %s: %3.0f%%%s (%.1f s)%n", name, percent, task == null ? "" : " " + task, seconds());
        }
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public float getProgress() {
        return progress;
    }

    @Override
    public void complete() {}

    @Override
    public void dispose() {}

    @Override
    public boolean isCanceled() {
        return canceled;
    }

    @Override
    public void setCanceled(boolean cancel) {
        canceled = cancel;
    }

    @Override
    public void warningOccurred(String source, String location, String warning) {
        err.println("info".equals(location) ? "  " + warning : "  warning: " + warning);
    }

    @Override
    public void exceptionOccurred(Throwable exception) {
        // the command line prints the one-line error itself (once), when the process throws it
    }
}

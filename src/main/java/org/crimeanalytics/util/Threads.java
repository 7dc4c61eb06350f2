package org.crimeanalytics.util;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Two pieces of work at once, for steps that split in two (the machines this runs on often have two cores). */
public final class Threads {

    private Threads() {}

    /**
     * Runs {@code a} on another thread ({@link CompletableFuture#runAsync(Runnable)}: the common pool, or a thread of
     * its own when the pool has a single worker) and {@code b} on this one, and returns when both are done. When one
     * fails, what it threw is thrown after both have ended ({@code b}'s first, with {@code a}'s suppressed): a
     * RuntimeException or an Error as it was thrown.
     */
    public static void both(Runnable a, Runnable b) {
        CompletableFuture<Void> other = CompletableFuture.runAsync(a);
        Throwable failed = null;
        try {
            b.run();
        } catch (Throwable t) { // an OutOfMemoryError too: a must end before the caller goes on
            failed = t;
        }
        try {
            other.join();
        } catch (CompletionException e) {
            Throwable fromA = e.getCause() != null ? e.getCause() : e;
            if (failed == null) failed = fromA;
            else failed.addSuppressed(fromA);
        }
        if (failed instanceof RuntimeException re) throw re;
        if (failed instanceof Error er) throw er;
        if (failed != null) throw new IllegalStateException(failed);
    }
}

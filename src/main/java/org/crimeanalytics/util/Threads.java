package org.crimeanalytics.util;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Two pieces of work at once, for steps that split in two (the machines this runs on often have two cores). */
public final class Threads {

    private Threads() {}

    /**
     * Runs {@code a} on another thread ({@link CompletableFuture#runAsync(Runnable)}: the common pool, or a thread of
     * its own when the pool has a single worker) and {@code b} on this one, and returns when both are done. When one
     * fails, its RuntimeException is thrown after both have ended ({@code b}'s first, with {@code a}'s suppressed).
     */
    public static void both(Runnable a, Runnable b) {
        CompletableFuture<Void> other = CompletableFuture.runAsync(a);
        RuntimeException failed = null;
        try {
            b.run();
        } catch (RuntimeException e) {
            failed = e;
        }
        try {
            other.join();
        } catch (CompletionException e) {
            RuntimeException fromA = e.getCause() instanceof RuntimeException re ? re : e;
            if (failed == null) failed = fromA;
            else failed.addSuppressed(fromA);
        }
        if (failed != null) throw failed;
    }
}

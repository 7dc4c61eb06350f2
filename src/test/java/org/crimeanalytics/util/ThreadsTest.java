package org.crimeanalytics.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    @Test
    void bothRunTheSecondOnThisThreadAndReturnWhenTheFirstIsDone() {
        AtomicReference<Thread> a = new AtomicReference<>(), b = new AtomicReference<>();
        int[] done = new int[1];
        Threads.both(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            a.set(Thread.currentThread());
            done[0] = 1;
        }, () -> b.set(Thread.currentThread()));
        assertEquals(1, done[0]);
        assertEquals(Thread.currentThread(), b.get());
        assertNotEquals(Thread.currentThread(), a.get());
    }

    @Test
    void aFailureIsThrownAsItWasAfterBothEnded() {
        IllegalArgumentException fromA = assertThrows(IllegalArgumentException.class,
                () -> Threads.both(() -> { throw new IllegalArgumentException("a"); }, () -> { }));
        assertEquals("a", fromA.getMessage());
        IllegalStateException fromB = assertThrows(IllegalStateException.class, () -> Threads.both(() -> {
            throw new IllegalArgumentException("a");
        }, () -> {
            throw new IllegalStateException("b");
        }));
        assertEquals("b", fromB.getMessage());
        assertEquals("a", fromB.getSuppressed()[0].getMessage());
        int[] ran = new int[1];
        assertThrows(IllegalStateException.class, () -> Threads.both(() -> ran[0]++, () -> {
            throw new IllegalStateException("b");
        }));
        assertEquals(1, ran[0], "the first ran to its end");
    }

    @Test
    void anErrorOfEitherIsThrownAsItWasOnceBothEnded() {
        int[] ran = new int[1];
        AssertionError fromB = assertThrows(AssertionError.class, () -> Threads.both(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ran[0]++;
        }, () -> {
            throw new AssertionError("b");
        }));
        assertEquals("b", fromB.getMessage());
        assertEquals(1, ran[0], "the first ended before the error came out");
        assertEquals("a", assertThrows(AssertionError.class, () -> Threads.both(() -> {
            throw new AssertionError("a");
        }, () -> { })).getMessage());
    }
}

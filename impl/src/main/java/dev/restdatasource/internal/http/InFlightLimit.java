package dev.restdatasource.internal.http;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * At most {@code max} exchanges in flight at once; the others wait in arrival order and start, on the thread that
 * ended an exchange, when one ends. Nothing is refused: the call's own deadline bounds how long it waits. Thread-safe.
 */
final class InFlightLimit {
    private final int max;
    private final Queue<Supplier<CompletableFuture<?>>> waiting = new ArrayDeque<>();
    private int running;

    InFlightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        this.max = max;
    }

    /**
     * Runs {@code exchange} now when fewer than the maximum are running, else when its turn comes. The supplier
     * starts the exchange and returns its stage, whose completion frees the slot; it returns null when it started
     * nothing (the call was cancelled while it waited), which frees the slot at once. It must not throw.
     */
    void submit(Supplier<CompletableFuture<?>> exchange) {
        synchronized (this) {
            if (running == max) {
                waiting.add(exchange);
                return;
            }
            running++;
        }
        startFrom(exchange);
    }

    /** The number of exchanges running now (for tests). */
    synchronized int running() {
        return running;
    }

    /** The number of exchanges waiting for a slot (for tests). */
    synchronized int waiting() {
        return waiting.size();
    }

    /** Runs {@code first} in a slot already taken, and then, in a loop, the waiting ones that end at once. */
    private void startFrom(Supplier<CompletableFuture<?>> first) {
        Supplier<CompletableFuture<?>> next = first;
        while (next != null) {
            CompletableFuture<?> stage = next.get();
            if (stage != null && !stage.isDone()) {
                stage.whenComplete((result, error) -> release());
                return;
            }
            next = nextOrFree(); // ended already: the slot passes on without recursion
        }
    }

    private void release() {
        Supplier<CompletableFuture<?>> next = nextOrFree();
        if (next != null) {
            startFrom(next);
        }
    }

    /** Returns the next waiting exchange, which takes over the caller's slot, or frees the slot when none waits. */
    private synchronized Supplier<CompletableFuture<?>> nextOrFree() {
        Supplier<CompletableFuture<?>> next = waiting.poll();
        if (next == null) {
            running--;
        }
        return next;
    }
}

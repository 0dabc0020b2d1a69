package dev.restdatasource.internal.store;

import java.util.function.LongSupplier;

/**
 * A minimal consecutive-failure circuit breaker. Closed: every call passes; {@code threshold} failures in a
 * row open it. Open: calls are refused until {@code openNanos} have passed, then one trial call is let
 * through (half-open) while the others are still refused. Any success closes it; a failed trial opens it
 * again for another {@code openNanos}.
 *
 * <p>Thread-safe (all state under this object's monitor; the critical sections are a few field writes).
 */
final class CircuitBreaker {
    /** What {@link #acquire()} grants. */
    enum Permit {
        /** The breaker is open: do not call. */
        REFUSED,
        /** An ordinary call while closed. */
        CALL,
        /** The single trial call of the half-open state. */
        TRIAL
    }

    private final int threshold;
    private final long openNanos;
    private final LongSupplier nanoTime;

    private int consecutiveFailures;
    private boolean open;
    private long openedAt;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, long openNanos, LongSupplier nanoTime) {
        this.threshold = threshold;
        this.openNanos = openNanos;
        this.nanoTime = nanoTime;
    }

    synchronized Permit acquire() {
        if (!open) {
            return Permit.CALL;
        }
        if (trialInFlight || nanoTime.getAsLong() - openedAt < openNanos) {
            return Permit.REFUSED;
        }
        trialInFlight = true;
        return Permit.TRIAL;
    }

    synchronized void onSuccess() {
        consecutiveFailures = 0;
        open = false;
        trialInFlight = false;
    }

    /** Records a failure; returns {@code true} when this failure opened a closed breaker. */
    synchronized boolean onFailure(Permit permit) {
        if (open) {
            if (permit == Permit.TRIAL) {
                trialInFlight = false;
                openedAt = nanoTime.getAsLong();
            }
            return false;
        }
        if (++consecutiveFailures < threshold) {
            return false;
        }
        open = true;
        trialInFlight = false;
        openedAt = nanoTime.getAsLong();
        return true;
    }

    /** Whether calls are being refused (open, including half-open). */
    synchronized boolean isOpen() {
        return open;
    }
}

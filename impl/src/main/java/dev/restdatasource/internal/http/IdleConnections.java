package dev.restdatasource.internal.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The transport's record of the idle connections in one JDK {@code HttpClient}'s pool: for each pool (one per
 * origin, or one for every plain http origin behind a proxy), when each idle connection went back to it. The JDK
 * client gives out the connection that went back first (first in, first out) and takes back the connection of each
 * exchange that ends with the connection open; this record does the same at the start and the end of each exchange,
 * so its oldest entry is at least as old as the connection the client gives out next. A connection the client
 * dropped while idle (the server closed it) stays here until an exchange takes its place, so the record errs towards
 * older connections, never younger ones.
 *
 * <p>Used to keep a request that must not be sent twice off a connection idle for longer than the limit: a server
 * may have closed such a connection at its own idle timeout, and the request would then fail without any sign of
 * whether the server saw it. Thread-safe.
 */
final class IdleConnections {
    private final long maxIdleNanos;
    private final LongSupplier nanoTime;
    private final Map<String, ArrayDeque<Long>> returnedAt = new HashMap<>();
    private boolean gaveOutIdle;

    /**
     * Creates an empty record.
     *
     * @param maxIdle the longest idle time after which a connection may still serve a request that must not be sent twice
     * @param nanoTime the clock, {@link System#nanoTime()} outside tests
     */
    IdleConnections(Duration maxIdle, LongSupplier nanoTime) {
        this.maxIdleNanos = maxIdle.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Whether the next exchange to {@code pool} may get a connection idle for longer than the limit, or an earlier
     * exchange already got one (exchanges that start together may take connections in another order than this
     * record's).
     */
    synchronized boolean mayGiveOutIdle(String pool) {
        if (gaveOutIdle) {
            return true;
        }
        ArrayDeque<Long> idle = returnedAt.get(pool);
        return idle != null && tooLong(idle.peekFirst());
    }

    /** An exchange to {@code pool} starts: it takes the oldest idle connection, or opens one when none is idle. */
    synchronized void take(String pool) {
        ArrayDeque<Long> idle = returnedAt.get(pool);
        if (idle == null) {
            return;
        }
        if (tooLong(idle.pollFirst())) {
            gaveOutIdle = true;
        }
        if (idle.isEmpty()) {
            returnedAt.remove(pool);
        }
    }

    /** An exchange to {@code pool} ended with its connection open: the connection is idle in the pool from now. */
    synchronized void giveBack(String pool) {
        returnedAt.computeIfAbsent(pool, p -> new ArrayDeque<>()).addLast(nanoTime.getAsLong());
    }

    private boolean tooLong(Long since) {
        return since != null && nanoTime.getAsLong() - since > maxIdleNanos;
    }
}

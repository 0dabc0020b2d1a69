package dev.restdatasource.internal.cache;

import dev.restdatasource.event.CacheOutcome;
import dev.restdatasource.event.StoreFailure;

/**
 * Told by {@link HttpCache} what it decided for one request and how its store reads and writes went, for the
 * pipeline's events. {@link #NONE} is passed when nobody listens: the cache then neither reads the clock for store
 * latency nor builds a reason. Implementations must be thread-safe (writes end on the store's threads) and must not
 * throw.
 */
public interface CacheObserver {
    /** Told nothing; {@link HttpCache} skips the work of observing when it is given this one. */
    CacheObserver NONE = new CacheObserver() {
    };

    /** What the cache did for the request, once per request, with the policy's reason in words. */
    default void outcome(CacheOutcome outcome, String reason) {
    }

    /** A store read ended after {@code nanos}; {@code failure} is null when the store answered. */
    default void storeRead(long nanos, StoreFailure failure) {
    }

    /** A store write ended after {@code nanos}; {@code failure} is null when the store took it. */
    default void storeWrite(long nanos, StoreFailure failure) {
    }
}

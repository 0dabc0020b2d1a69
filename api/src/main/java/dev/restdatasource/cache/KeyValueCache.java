package dev.restdatasource.cache;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The store behind the shared HTTP cache: in memory by default, or a distributed engine.
 *
 * <p>Contract for implementations (checked by the contract test kit every backend runs):
 * <ul>
 *   <li>Thread-safe; calls should not block the caller for network I/O (return a stage instead). The data sources
 *       call a store on a bounded pool of their own threads unless it says {@link #neverBlocksCaller()}, so a
 *       store that blocks anyway costs a thread hand-off, never a hung request.</li>
 *   <li>Values are opaque bytes. Callers do not modify an array after passing it to {@code set} or
 *       receiving it from {@code get}.</li>
 *   <li>A stage that completes exceptionally is a failed call. The data sources wrap every store so that a
 *       failure or a slow answer counts as a miss and never fails a request.</li>
 * </ul>
 */
public interface KeyValueCache {
    /** Returns the value stored under {@code key}; completes with {@code null} when absent or expired. */
    CompletionStage<byte[]> get(String key);

    /** Stores {@code value} under {@code key} for {@code ttl}; a {@code null} ttl means no expiry. */
    CompletionStage<Void> set(String key, byte[] value, Duration ttl);

    /** Removes {@code key}; completes with {@code true} when something was removed. */
    CompletionStage<Boolean> delete(String key);

    /**
     * Whether every call returns its stage without blocking the calling thread, in every state of the store (while
     * connecting, disconnected, with full queues): no network I/O, no lock or queue waits before returning. The data
     * sources call such a store directly on the request's thread, with no hand-off; they call any other store on a
     * bounded pool of their own threads so that a blocked call cannot hang a request. Default {@code false}.
     */
    default boolean neverBlocksCaller() {
        return false;
    }
}

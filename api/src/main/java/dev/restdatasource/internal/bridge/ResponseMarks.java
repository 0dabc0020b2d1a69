package dev.restdatasource.internal.bridge;

import dev.restdatasource.DataSourceResponse;
import java.util.concurrent.CompletionStage;

/**
 * Sets what only the pipeline may say of a {@link DataSourceResponse}: that it came from the cache, was
 * stale or revalidated, was shared with an identical call, and the stage of the cache write it started. The
 * response's public builder has no such setters, so a transport or a test cannot claim them. Internal: part of
 * the contract between restdatasource-api and restdatasource-impl, with no compatibility promise.
 *
 * <p>{@code DataSourceResponse} installs the one instance when its class is initialized. Thread-safe.
 */
public abstract class ResponseMarks {
    private static volatile ResponseMarks instance;

    /** For {@code DataSourceResponse}'s own subclass only. */
    protected ResponseMarks() {
    }

    /**
     * Installs the instance; called once, by {@code DataSourceResponse}.
     *
     * @throws IllegalStateException when one is installed already
     */
    public static synchronized void install(ResponseMarks marks) {
        if (instance != null) {
            throw new IllegalStateException("ResponseMarks are installed already");
        }
        instance = marks;
    }

    /** Returns the instance, initializing {@code DataSourceResponse} first when needed. */
    public static ResponseMarks get() {
        ResponseMarks marks = instance;
        if (marks == null) {
            DataSourceResponse.builder(); // its static initializer installs the instance
            marks = instance;
        }
        return marks;
    }

    /** Marks the response as answered from the cache, stale or not. */
    public abstract DataSourceResponse.Builder fromCache(DataSourceResponse.Builder builder, boolean stale);

    /** Marks the response as a stored one that upstream confirmed with 304 Not Modified. */
    public abstract DataSourceResponse.Builder revalidated(DataSourceResponse.Builder builder);

    /** Marks the response as shared with an identical call already in flight. */
    public abstract DataSourceResponse.Builder deduplicated(DataSourceResponse.Builder builder);

    /** Returns the response's body array itself, not a copy, for the pipeline to read; it must never be modified. */
    public abstract byte[] body(DataSourceResponse response);

    /** Sets the stage of the cache write this response started. */
    public abstract DataSourceResponse.Builder cacheWrite(DataSourceResponse.Builder builder, CompletionStage<Void> write);
}

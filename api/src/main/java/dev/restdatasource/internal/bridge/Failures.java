package dev.restdatasource.internal.bridge;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The one rule for the wrappers that asynchronous code puts around a failure: {@link CompletionException} and
 * {@link ExecutionException} only carry the failure that happened, so what callers see, log or map is the failure
 * inside them.
 *
 * <p>Internal: public only so that restdatasource-impl can share it with this module's {@code DataSourceCall};
 * applications and cache backends must not use it. Stateless and thread-safe.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * Returns the failure inside any number of nested {@link CompletionException}s and {@link ExecutionException}s,
     * or {@code failure} itself when it is not such a wrapper. A wrapper without a cause is returned as it is.
     *
     * @param failure a failure, or null (then null is returned)
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null
                && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * Waits for {@code stage} and returns its value. When it failed, throws the {@linkplain #unwrap unwrapped}
     * failure: as it is when it is unchecked (a {@link RuntimeException} or an {@link Error}), else inside a
     * {@link CompletionException}. When the waiting thread is interrupted, keeps its interrupt flag set and throws a
     * {@link CompletionException}.
     */
    public static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable failure = unwrap(e);
            if (failure instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new CompletionException(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException("Interrupted while waiting for upstream", e);
        }
    }
}

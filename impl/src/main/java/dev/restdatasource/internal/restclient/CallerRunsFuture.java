package dev.restdatasource.internal.restclient;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The stage an asynchronous {@code @DataSource} Rest Client call returns: it completes as the runtime's stage does,
 * and a thread that waits for it with {@link #join()} or {@link #get()} first runs the call itself when no pool
 * thread has taken it yet (see {@link CallContextExecutor.Once}). That thread would only wait anyway: a call
 * answered from the cache then costs no hand-off to another thread, and a resolver joining its calls one by one
 * never waits for a call still queued. The call runs there exactly as on the pool (its data source, the request's
 * context copied when it started, the class loader). Stages derived from this one are plain
 * {@code CompletableFuture}s. Thread-safe.
 *
 * @param <T> the call's result
 */
final class CallerRunsFuture<T> extends CompletableFuture<T> {
    private final CallContextExecutor.Once call;

    private CallerRunsFuture(CallContextExecutor.Once call) {
        this.call = call;
    }

    /** Returns a future completed as {@code stage} is, whose waiters may run {@code call}. */
    static <T> CallerRunsFuture<T> of(CompletionStage<T> stage, CallContextExecutor.Once call) {
        CallerRunsFuture<T> future = new CallerRunsFuture<>(call);
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(failure);
            }
        });
        return future;
    }

    @Override
    public T join() {
        if (!isDone()) {
            call.run();
        }
        return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        if (!isDone()) {
            call.run();
        }
        return super.get();
    }
}

package dev.restdatasource.internal.store;

import dev.restdatasource.cache.KeyValueCache;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The first call of each store that may block: one read of {@link #KEY} (a key nobody writes), made on the store
 * pool, once per store object (held weakly). Its stage completes, always normally, when the read ends whatever its
 * answer or failure, or when {@link #LIMIT} has passed; until then the data sources treat the store as cold (see
 * {@link ErrorsAreMissesKeyValueCache#warmingUp}). A store nobody started warming up counts as warm. Thread-safe.
 */
final class StoreWarmUp {
    /** The key the warm-up reads. */
    static final String KEY = "restdatasource:warm-up";

    /** The longest a store counts as cold: after that, calls go to it whether or not the warm-up read has ended. */
    static final Duration LIMIT = Duration.ofSeconds(10);

    private static final Map<KeyValueCache, CompletableFuture<Void>> BY_STORE = Collections.synchronizedMap(new WeakHashMap<>());

    private StoreWarmUp() {
    }

    /** Starts the warm-up of {@code store} on {@code pool} unless it was started before; returns its stage. */
    static CompletableFuture<Void> start(KeyValueCache store, Executor pool) {
        return BY_STORE.computeIfAbsent(store, s -> read(s, pool));
    }

    /** The warm-up of {@code store}: the started one, or a completed stage when none was started. */
    static CompletableFuture<Void> of(KeyValueCache store) {
        CompletableFuture<Void> warmUp = BY_STORE.get(store);
        return warmUp != null ? warmUp : CompletableFuture.completedFuture(null);
    }

    private static CompletableFuture<Void> read(KeyValueCache store, Executor pool) {
        CompletableFuture<Void> warm = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    CompletionStage<byte[]> answer = store.get(KEY);
                    answer.whenComplete((value, failure) -> warm.complete(null));
                } catch (Throwable thrown) {
                    warm.complete(null); // the store failed at once: it is as warm as it gets, its failures are counted later
                    if (thrown instanceof VirtualMachineError fatal) {
                        throw fatal;
                    }
                }
            });
        } catch (RejectedExecutionException full) {
            warm.complete(null);
        }
        return warm.completeOnTimeout(null, LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}

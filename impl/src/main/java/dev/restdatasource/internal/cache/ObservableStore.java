package dev.restdatasource.internal.cache;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.event.StoreFailure;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A store that turns its failures into misses (as the pipeline's guard around every store does) and can say, per
 * operation, whether and how it failed: {@code report} is told exactly once, with null when the operation succeeded,
 * else with the kind of failure, no later than the returned stage completes.
 */
public interface ObservableStore extends KeyValueCache {
    /** {@link #get(String)}, telling {@code report} how it went. */
    CompletionStage<byte[]> get(String key, Consumer<StoreFailure> report);

    /** {@link #set(String, byte[], Duration)}, telling {@code report} how it went. */
    CompletionStage<Void> set(String key, byte[] value, Duration ttl, Consumer<StoreFailure> report);
}

package dev.restdatasource.store;


import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheContract;
import java.time.Duration;

/**
 * Runs the kit the way real-time backends will: the public factory (system ticker) and the kit's default
 * sleeping {@code elapse}, with a short ttl to keep the run fast.
 */
class InMemoryKeyValueCacheRealTimeContractTest extends KeyValueCacheContract {
    @Override
    protected KeyValueCache newCache() {
        return InMemoryKeyValueCache.create();
    }

    @Override
    protected Duration shortTtl() {
        return Duration.ofMillis(300);
    }
}

package dev.restdatasource.store;


import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheContract;
import dev.restdatasource.internal.support.MutableClock;
import java.time.Duration;

class InMemoryKeyValueCacheContractTest extends KeyValueCacheContract {
    private final MutableClock time = new MutableClock();

    @Override
    protected KeyValueCache newCache() {
        return new InMemoryKeyValueCache(InMemoryKeyValueCache.DEFAULT_MAX_BYTES, time::nanoTime);
    }

    @Override
    protected void elapse(Duration duration) {
        time.advance(duration);
    }
}

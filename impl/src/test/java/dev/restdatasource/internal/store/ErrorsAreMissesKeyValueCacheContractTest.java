package dev.restdatasource.internal.store;

import dev.restdatasource.internal.support.MutableClock;

import dev.restdatasource.store.TestStores;

import dev.restdatasource.store.InMemoryKeyValueCache;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheContract;
import java.time.Duration;

/** The wrapper over a healthy store behaves exactly as the store (a generous timeout keeps CI noise out). */
class ErrorsAreMissesKeyValueCacheContractTest extends KeyValueCacheContract {
    private final MutableClock time = new MutableClock();

    @Override
    protected KeyValueCache newCache() {
        return new ErrorsAreMissesKeyValueCache(
                TestStores.inMemory(InMemoryKeyValueCache.DEFAULT_MAX_BYTES, time::nanoTime),
                Duration.ofSeconds(5));
    }

    @Override
    protected void elapse(Duration duration) {
        time.advance(duration);
    }
}

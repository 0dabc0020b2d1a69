package dev.restdatasource.store;



import dev.restdatasource.store.InMemoryKeyValueCache;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheContract;
import java.time.Duration;

class PrefixingKeyValueCacheContractTest extends KeyValueCacheContract {
    private final FakeTime time = new FakeTime();

    @Override
    protected KeyValueCache newCache() {
        return new PrefixingKeyValueCache(
                TestStores.inMemory(InMemoryKeyValueCache.DEFAULT_MAX_BYTES, time::nanoTime), "ds:movies:");
    }

    @Override
    protected void elapse(Duration duration) {
        time.advance(duration);
    }
}

package dev.restdatasource.it.appcache;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.store.InMemoryKeyValueCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application's own HTTP cache store (a {@link KeyValueCache} bean), which must replace the default in-memory
 * one: it keeps entries in memory and counts reads and writes.
 */
@ApplicationScoped
public class CountingCache implements KeyValueCache {
    private final KeyValueCache store = InMemoryKeyValueCache.create(1 << 20);
    private final AtomicInteger gets = new AtomicInteger();
    private final AtomicInteger sets = new AtomicInteger();

    @Override
    public CompletionStage<byte[]> get(String key) {
        gets.incrementAndGet();
        return store.get(key);
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
        sets.incrementAndGet();
        return store.set(key, value, ttl);
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return store.delete(key);
    }

    /** True, as for the in-memory store it wraps: the data sources call it without a thread hand-off. */
    @Override
    public boolean neverBlocksCaller() {
        return true;
    }

    /** Returns the number of reads so far. */
    public int gets() {
        return gets.get();
    }

    /** Returns the number of writes so far. */
    public int sets() {
        return sets.get();
    }
}

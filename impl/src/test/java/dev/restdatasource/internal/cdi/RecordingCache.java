package dev.restdatasource.internal.cdi;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.store.InMemoryKeyValueCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** An application's own store: counts writes and reads, keeps entries in memory. */
@ApplicationScoped
public class RecordingCache implements KeyValueCache {
    private final KeyValueCache store = InMemoryKeyValueCache.create(1 << 20);
    final AtomicInteger sets = new AtomicInteger();
    final AtomicInteger gets = new AtomicInteger();

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

    public int sets() {
        return sets.get();
    }

    public int gets() {
        return gets.get();
    }
}

package dev.restdatasource.store;

import dev.restdatasource.backend.Ttl;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy.VarExpiration;
import dev.restdatasource.cache.KeyValueCache;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The default store: a Caffeine cache in this JVM, bounded in bytes, with a TTL per entry.
 *
 * <p>Size: each entry weighs its value's length plus two bytes per key character plus
 * {@value #ENTRY_OVERHEAD_BYTES} bytes of overhead; the total is kept at or below {@link #maxBytes()}
 * (default {@link #DEFAULT_MAX_BYTES}). Apollo's {@code InMemoryLRUCache} counts a string's length in
 * UTF-16 units instead; this counts bytes. Eviction is Caffeine's W-TinyLFU, which may refuse a newcomer rather
 * than evict a popular entry, so a value just stored can be absent on the next {@code get}. A value whose
 * weight alone exceeds the bound is not stored (as in Apollo) and any old value under the key is removed.
 *
 * <p>Expiry: a {@code null} ttl never expires; a positive ttl expires the entry after that time; each
 * {@code set} replaces the previous ttl. A zero or negative ttl stores nothing and removes any old value
 * (Apollo treats 0 as "no expiry"; here it means "already expired").
 *
 * <p>Thread-safety: safe for any number of threads. Maintenance (eviction, expiry) runs on the calling
 * thread, so every call is synchronous and every returned stage is already complete.
 *
 * <p>Nullness and failure: {@code key} and {@code value} must not be {@code null} (a
 * {@link NullPointerException} is thrown at once); {@code ttl} may be. Stages never complete exceptionally.
 * {@code set} copies the array; {@code get} returns the stored array, which callers must not modify (SPI
 * contract).
 */
public final class InMemoryKeyValueCache implements KeyValueCache {
    /** The default bound: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** Bytes counted per entry on top of the key and value, for the map node and the key object. */
    static final int ENTRY_OVERHEAD_BYTES = 64;

    private final Cache<String, byte[]> entries;
    /** Writes each entry with its own ttl; the entry itself is the value array, without a holder. */
    private final VarExpiration<String, byte[]> expiry;
    private final long maxBytes;

    /**
     * Uses {@code nanoTime} as the clock for expiry (tests pass a fake one).
     *
     * @throws IllegalArgumentException when {@code maxBytes} is not positive
     */
    InMemoryKeyValueCache(long maxBytes, LongSupplier nanoTime) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        Objects.requireNonNull(nanoTime, "nanoTime");
        this.maxBytes = maxBytes;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, byte[] value) -> (int) Math.min(Integer.MAX_VALUE, weigh(key, value.length)))
                .expireAfter(new PerEntryTtl())
                .ticker(nanoTime::getAsLong)
                .executor(Runnable::run)
                .build();
        this.expiry = entries.policy().expireVariably().orElseThrow();
    }

    /** A cache bounded at {@link #DEFAULT_MAX_BYTES}. */
    public static InMemoryKeyValueCache create() {
        return create(DEFAULT_MAX_BYTES);
    }

    /**
     * A cache bounded at {@code maxBytes}.
     *
     * @throws IllegalArgumentException when {@code maxBytes} is not positive
     */
    public static InMemoryKeyValueCache create(long maxBytes) {
        return new InMemoryKeyValueCache(maxBytes, System::nanoTime);
    }

    /**
     * Returns a store bounded to {@code maxBytes} whose entries expire by {@code clock}; pass the clock of the
     * {@code DataSourceConfig} so that stored TTLs and cache ages run on one time line (tests move it by hand).
     */
    public static InMemoryKeyValueCache create(long maxBytes, java.time.Clock clock) {
        java.util.Objects.requireNonNull(clock, "clock");
        return new InMemoryKeyValueCache(maxBytes, () -> {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
    }

    /** The weight counted for an entry: value length + 2 bytes per key char + the fixed overhead. */
    static long weigh(String key, int valueLength) {
        return (long) valueLength + 2L * key.length() + ENTRY_OVERHEAD_BYTES;
    }

    @Override
    public CompletionStage<byte[]> get(String key) {
        Objects.requireNonNull(key, "key");
        return CompletableFuture.completedFuture(entries.getIfPresent(key));
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (Ttl.isNonPositive(ttl) || weigh(key, value.length) > maxBytes) {
            entries.invalidate(key);
        } else {
            expiry.put(key, value.clone(), Ttl.toNanos(ttl), TimeUnit.NANOSECONDS);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        Objects.requireNonNull(key, "key");
        return CompletableFuture.completedFuture(entries.asMap().remove(key) != null);
    }

    /** Always true: every call works in memory and returns a completed stage. */
    @Override
    public boolean neverBlocksCaller() {
        return true;
    }

    /** The weight of the live entries in bytes, after pending maintenance; never above {@link #maxBytes()}. */
    public long weightedSizeBytes() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElse(0L);
    }

    /** The bound in bytes given at creation. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Removes every entry. */
    public void clear() {
        entries.invalidateAll();
        entries.cleanUp();
    }

    /**
     * Every write goes through {@link VarExpiration#put} with the entry's own ttl, which replaces the previous one; this
     * only answers what Caffeine asks besides: reads do not extend an entry, and a write without a ttl never expires.
     */
    private static final class PerEntryTtl implements Expiry<String, byte[]> {
        @Override
        public long expireAfterCreate(String key, byte[] value, long currentTime) {
            return Long.MAX_VALUE;
        }

        @Override
        public long expireAfterUpdate(String key, byte[] value, long currentTime, long currentDuration) {
            return Long.MAX_VALUE;
        }

        @Override
        public long expireAfterRead(String key, byte[] value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}

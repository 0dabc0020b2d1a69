package dev.restdatasource.store;

import dev.restdatasource.backend.Ttl;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.store.StoreThreads;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/**
 * A store on any JSR-107 (JCache) {@link Cache Cache&lt;String, byte[]&gt;}.
 *
 * <p>The standard JCache API has no per-entry TTL, so each value is stored behind an 8-byte big-endian
 * prefix holding its expiry time in epoch milliseconds ({@link Long#MAX_VALUE} = never). A value whose
 * time has passed is absent: {@code get} answers {@code null} and removes it, {@code delete} answers
 * {@code false}. A stored value shorter than the prefix (written by someone else) is a miss. Expiry is
 * judged by the {@link Clock} given (default {@link Clock#systemUTC()}), so several servers sharing a
 * distributed cache need reasonably synchronised clocks. The cache's own expiry policy still applies on top.
 * A zero or negative ttl stores nothing and removes any old value.
 *
 * <p>Threads: JCache calls are synchronous and a networked provider may block in them for as long as its node
 * does not answer, so by default each call runs on a shared bounded pool of daemon threads (at most 64 threads
 * and 1,024 waiting calls; a call beyond that fails its stage with a
 * {@link java.util.concurrent.RejectedExecutionException}) and never blocks the caller. Give another
 * {@link Executor} to choose where calls run; {@code Runnable::run} runs them on the caller's thread, which suits
 * in-process providers that never block.
 *
 * <p>Thread-safety: as safe as the underlying cache (JCache caches are thread-safe).
 *
 * <p>Nullness and failure: {@code key} and {@code value} must not be {@code null} (the stage completes
 * with a {@link NullPointerException}); {@code ttl} may be. Exceptions of the cache, and a rejected
 * executor task, complete the stage exceptionally; nothing is thrown to the caller. Removing an expired
 * value is best effort: if the provider refuses the entry processor, the value stays (still a miss).
 */
public final class JCacheKeyValueCache implements KeyValueCache {
    static final int PREFIX_BYTES = Long.BYTES;

    private final Cache<String, byte[]> cache;
    private final Clock clock;
    private final Executor executor;

    /** Calls run on the shared pool; expiry uses {@link Clock#systemUTC()}. */
    public JCacheKeyValueCache(Cache<String, byte[]> cache) {
        this(cache, Clock.systemUTC(), null);
    }

    /** Calls run on the shared pool; expiry uses {@code clock}. */
    public JCacheKeyValueCache(Cache<String, byte[]> cache, Clock clock) {
        this(cache, clock, null);
    }

    /** Calls run on {@code executor}; expiry uses {@link Clock#systemUTC()}. */
    public JCacheKeyValueCache(Cache<String, byte[]> cache, Executor executor) {
        this(cache, Clock.systemUTC(), Objects.requireNonNull(executor, "executor"));
    }

    /** Calls run on {@code executor}, or on the shared pool when it is {@code null}; expiry uses {@code clock}. */
    public JCacheKeyValueCache(Cache<String, byte[]> cache, Clock clock, Executor executor) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = executor != null ? executor : SharedPool.POOL;
    }

    /** The pool of every instance given no executor, made on first use. */
    private static final class SharedPool {
        static final Executor POOL = StoreThreads.newPool("restdatasource-jcache");
    }

    @Override
    public CompletionStage<byte[]> get(String key) {
        return call(() -> {
            byte[] stored = cache.get(Objects.requireNonNull(key, "key"));
            if (stored == null || stored.length < PREFIX_BYTES) {
                return null;
            }
            long now = clock.millis();
            if (isLive(stored, now)) {
                return Arrays.copyOfRange(stored, PREFIX_BYTES, stored.length);
            }
            removeIfExpired(key, now);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
        return call(() -> {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (Ttl.isNonPositive(ttl)) {
                cache.remove(key);
            } else {
                cache.put(key, encode(Ttl.expiresAtMillis(clock.millis(), ttl), value));
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return call(() -> {
            byte[] removed = cache.getAndRemove(Objects.requireNonNull(key, "key"));
            return removed != null && removed.length >= PREFIX_BYTES && isLive(removed, clock.millis());
        });
    }

    /** The stored form: the expiry time, then the value. */
    static byte[] encode(long expiresAtMillis, byte[] value) {
        return ByteBuffer.allocate(PREFIX_BYTES + value.length).putLong(expiresAtMillis).put(value).array();
    }

    private static boolean isLive(byte[] stored, long nowMillis) {
        return nowMillis < ByteBuffer.wrap(stored).getLong();
    }

    private void removeIfExpired(String key, long nowMillis) {
        try {
            cache.invoke(key, new RemoveIfExpired(nowMillis));
        } catch (RuntimeException refused) {
            // Best effort: the expired value is a miss whether or not it is removed.
        }
    }

    private <T> CompletionStage<T> call(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }

    /**
     * Removes the entry only if the value there now is expired, so a value written by a concurrent
     * {@code set} is never lost. Serializable for providers that run processors on other nodes.
     */
    private static final class RemoveIfExpired implements EntryProcessor<String, byte[], Void>, Serializable {
        private static final long serialVersionUID = 1L;
        private final long nowMillis;

        RemoveIfExpired(long nowMillis) {
            this.nowMillis = nowMillis;
        }

        @Override
        public Void process(MutableEntry<String, byte[]> entry, Object... arguments) {
            byte[] stored = entry.exists() ? entry.getValue() : null;
            if (stored != null && stored.length >= PREFIX_BYTES && !isLive(stored, nowMillis)) {
                entry.remove();
            }
            return null;
        }
    }
}

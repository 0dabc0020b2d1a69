package dev.restdatasource.infinispan;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.backend.Ttl;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.infinispan.Cache;
import org.infinispan.client.hotrod.RemoteCache;
import org.infinispan.client.hotrod.RemoteCacheContainer;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.commons.api.BasicCache;
import org.infinispan.context.Flag;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * A {@link KeyValueCache} on an Infinispan cache: an embedded (usually clustered) {@link Cache} or a Hot Rod
 * {@link RemoteCache}. Values are stored as the opaque bytes the engine gives, so the same entry reads back
 * identical from every backend.
 *
 * <p>Expiry is Infinispan's own per-entry lifespan, set through the native async API
 * ({@code putAsync(key, value, lifespan, MILLISECONDS)}), so it holds on every node. A {@code null} ttl
 * stores an immortal entry; a positive ttl below one millisecond rounds up to one; a zero or negative ttl
 * stores nothing and removes any old value.
 *
 * <p>Threads: every call uses Infinispan's async API and returns its stage; nothing blocks the caller on
 * the network. Stages complete on Infinispan's threads (or at once for local data).
 *
 * <p>Thread-safety: safe for any number of threads (Infinispan caches are thread-safe).
 *
 * <p>Nullness and failure: {@code key} and {@code value} must not be {@code null}; {@code ttl} may be. Any
 * exception of Infinispan, including one thrown at once (a stopped cache, a {@code null} argument),
 * completes the returned stage exceptionally; nothing is thrown to the caller. The engine wraps every store
 * so that such failures count as misses.
 *
 * <p>Lifecycle: {@link #close()} stops the cache manager only when this store created it (the factories of
 * {@link InfinispanCaches}); a store over an application's cache or manager leaves it running.
 */
public final class InfinispanKeyValueCache implements KeyValueCache, AutoCloseable {
    private final BasicCache<String, byte[]> reads;
    private final BasicCache<String, byte[]> writes;
    private final BasicCache<String, byte[]> removes;
    private final AutoCloseable owned;

    private InfinispanKeyValueCache(BasicCache<String, byte[]> reads, BasicCache<String, byte[]> writes,
            BasicCache<String, byte[]> removes, AutoCloseable owned) {
        this.reads = reads;
        this.writes = writes;
        this.removes = removes;
        this.owned = owned;
    }

    /**
     * A store on an embedded cache the application manages; {@link #close()} leaves it running. Writes skip
     * fetching the previous value ({@link Flag#IGNORE_RETURN_VALUES}).
     */
    public static InfinispanKeyValueCache of(Cache<String, byte[]> cache) {
        return embedded(cache, null);
    }

    /** A store on a Hot Rod cache the application manages; {@link #close()} leaves it running. */
    public static InfinispanKeyValueCache of(RemoteCache<String, byte[]> cache) {
        return remote(cache, null);
    }

    /**
     * A store on the cache {@code cacheName} of an application's {@link EmbeddedCacheManager}, created with the
     * manager's default configuration if it is not defined; {@link #close()} leaves the manager running.
     */
    public static InfinispanKeyValueCache of(EmbeddedCacheManager manager, String cacheName) {
        return of(manager.<String, byte[]>getCache(Objects.requireNonNull(cacheName, "cacheName")));
    }

    /**
     * A store on the cache {@code cacheName} of an application's {@link RemoteCacheManager}; {@link #close()}
     * leaves the manager running.
     *
     * @throws IllegalStateException when the server has no cache of that name
     */
    public static InfinispanKeyValueCache of(RemoteCacheManager manager, String cacheName) {
        return of(remoteCache(manager, cacheName));
    }

    static RemoteCache<String, byte[]> remoteCache(RemoteCacheManager manager, String cacheName) {
        RemoteCache<String, byte[]> cache = manager.getCache(Objects.requireNonNull(cacheName, "cacheName"));
        if (cache == null) {
            throw new IllegalStateException("The Infinispan Server has no cache named " + cacheName);
        }
        return cache;
    }

    static InfinispanKeyValueCache embedded(Cache<String, byte[]> cache, AutoCloseable owned) {
        Objects.requireNonNull(cache, "cache");
        return new InfinispanKeyValueCache(cache, cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES),
                cache, owned);
    }

    static InfinispanKeyValueCache remote(RemoteCache<String, byte[]> cache, AutoCloseable owned) {
        Objects.requireNonNull(cache, "cache");
        // Hot Rod returns the previous value only when asked; delete needs it to answer true or false.
        return new InfinispanKeyValueCache(cache, cache,
                cache.withFlags(org.infinispan.client.hotrod.Flag.FORCE_RETURN_VALUE), owned);
    }

    @Override
    public CompletionStage<byte[]> get(String key) {
        return call(() -> reads.getAsync(Objects.requireNonNull(key, "key")));
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
        // A copy: an embedded owner keeps the array itself, and the caller's array is not ours to keep.
        return call(() -> Ttl.setOrRemove(key, value, ttl,
                () -> removes.removeAsync(key).thenApply(removed -> null),
                () -> writes.putAsync(key, value.clone(), lifespanMillis(ttl), TimeUnit.MILLISECONDS)
                        .thenApply(previous -> null)));
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return call(() -> removes.removeAsync(Objects.requireNonNull(key, "key")).thenApply(Objects::nonNull));
    }

    /** The Hot Rod client under this store, or {@code null} when it is over an embedded cache (for tests). */
    RemoteCacheContainer remoteContainer() {
        return reads instanceof RemoteCache<String, byte[]> remote ? remote.getRemoteCacheContainer() : null;
    }

    /** Stops the cache manager if this store created it; otherwise does nothing. Idempotent. */
    @Override
    public void close() throws Exception {
        if (owned != null) {
            owned.close();
        }
    }

    /** Infinispan's lifespan for {@code ttl}: -1 (immortal) for {@code null} or too long to count, at least 1 ms. */
    static long lifespanMillis(Duration ttl) {
        if (ttl == null) {
            return -1;
        }
        try {
            long nanos = ttl.toNanos();
            return nanos / 1_000_000L + (nanos % 1_000_000L == 0 ? 0 : 1);
        } catch (ArithmeticException tooLong) {
            return -1;
        }
    }

    private static <T> CompletionStage<T> call(Supplier<CompletableFuture<T>> call) {
        try {
            return Objects.requireNonNull(call.get(), "Infinispan returned a null future");
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }
}

package dev.restdatasource.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.backend.Ttl;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link KeyValueCache} on a Hazelcast {@link IMap IMap&lt;String, byte[]&gt;}, on a member or a client.
 * Values are stored as the opaque bytes the engine gives (Hazelcast serializes {@code byte[]} as is), so the
 * same entry reads back identical from every backend.
 *
 * <p>Expiry is Hazelcast's per-entry TTL through the native async API ({@code setAsync(key, value, ttl,
 * MILLISECONDS)}), which holds on every member. Hazelcast reads a TTL of 0 as "never expires", so: a
 * {@code null} ttl is sent as 0 (no expiry, whatever the map's default TTL); a positive ttl below one
 * millisecond rounds up to 1 ms, never down to 0; a zero or negative ttl stores nothing and removes any old
 * value.
 *
 * <p>Threads: every call uses Hazelcast's async API and returns its stage; nothing blocks the caller on the
 * network. Stages complete on Hazelcast's threads.
 *
 * <p>Thread-safety: safe for any number of threads ({@link IMap} is thread-safe).
 *
 * <p>Nullness and failure: {@code key} and {@code value} must not be {@code null}; {@code ttl} may be. Any
 * exception of Hazelcast, including one thrown at once (a shut-down instance, a client offline while it
 * reconnects), completes the returned stage exceptionally; nothing is thrown to the caller. The engine wraps
 * every store so that such failures count as misses.
 *
 * <p>Lifecycle: {@link #close()} shuts the Hazelcast instance down only when this store created it (the
 * factories of {@link HazelcastCaches}); a store over an application's instance or map leaves it running.
 */
public final class HazelcastKeyValueCache implements KeyValueCache, AutoCloseable {
    private final Supplier<IMap<String, byte[]>> map;
    private final HazelcastInstance owned;

    private HazelcastKeyValueCache(Supplier<IMap<String, byte[]>> map, HazelcastInstance owned) {
        this.map = map;
        this.owned = owned;
    }

    /** A store on a map the application manages; {@link #close()} leaves its instance running. */
    public static HazelcastKeyValueCache of(IMap<String, byte[]> map) {
        Objects.requireNonNull(map, "map");
        return new HazelcastKeyValueCache(() -> map, null);
    }

    /**
     * A store on the map {@code mapName} of an application's instance; {@link #close()} leaves it running. The
     * map is looked up on each call (Hazelcast caches the proxy), so a client that is still connecting makes
     * calls fail, not this method.
     */
    public static HazelcastKeyValueCache of(HazelcastInstance instance, String mapName) {
        return over(instance, mapName, null);
    }

    /** A store on {@code mapName} of {@code instance}, which {@link #close()} shuts down. */
    static HazelcastKeyValueCache owning(HazelcastInstance instance, String mapName) {
        return over(instance, mapName, instance);
    }

    private static HazelcastKeyValueCache over(HazelcastInstance instance, String mapName, HazelcastInstance owned) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(mapName, "mapName");
        return new HazelcastKeyValueCache(() -> instance.getMap(mapName), owned);
    }

    @Override
    public CompletionStage<byte[]> get(String key) {
        return call(() -> map.get().getAsync(Objects.requireNonNull(key, "key")));
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
        return call(() -> Ttl.setOrRemove(key, value, ttl,
                () -> map.get().removeAsync(key).thenApply(removed -> null),
                () -> map.get().setAsync(key, value, ttlMillis(ttl), TimeUnit.MILLISECONDS)));
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return call(() -> map.get().removeAsync(Objects.requireNonNull(key, "key")).thenApply(Objects::nonNull));
    }

    /** Shuts the instance down (gracefully) if this store created it; otherwise does nothing. Idempotent. */
    @Override
    public void close() {
        if (owned != null) {
            owned.shutdown();
        }
    }

    /**
     * Hazelcast's TTL in ms for {@code ttl}: 0 (never expires) for {@code null} or a ttl too long to count;
     * otherwise at least 1.
     */
    static long ttlMillis(Duration ttl) {
        return Ttl.millisRoundedUp(ttl);
    }

    private static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> call) {
        try {
            return Objects.requireNonNull(call.get(), "Hazelcast returned a null stage");
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }
}

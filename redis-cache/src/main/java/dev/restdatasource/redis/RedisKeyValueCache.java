package dev.restdatasource.redis;

import dev.restdatasource.backend.MonitoredKeyValueCache;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.backend.Ttl;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A {@link KeyValueCache} on Redis through one Lettuce connection (standalone, Sentinel-resolved master, or Redis
 * Cluster) with {@link RedisCaches#CODEC}: UTF-8 keys, values stored as the engine's opaque bytes, byte for byte.
 * Every key gets the store's key prefix first (may be empty), so that applications sharing one Redis keep apart.
 *
 * <p>Expiry: a positive ttl is sent as {@code SET key value PX ms} (Redis expires the entry on every node; a
 * sub-millisecond remainder rounds up, never down to 0); a {@code null} ttl, or one too long to count, is a plain
 * {@code SET}, which also clears an earlier ttl; a zero or negative ttl stores nothing and deletes any old value.
 *
 * <p>Threads: every call is sent through Lettuce's asynchronous API and returns its future; nothing blocks the caller
 * on the network. Stages complete on Lettuce's I/O threads.
 *
 * <p>Thread-safety: safe for any number of threads (Lettuce connections are thread-safe).
 *
 * <p>Nullness and failure: {@code key} and {@code value} must not be {@code null}; {@code ttl} may be. Any failure
 * (not connected, a command timeout, a full request queue, a closed store), also one thrown at once, completes the
 * returned stage exceptionally; nothing is thrown to the caller. The engine wraps every store so that such failures
 * count as misses.
 *
 * <p>Lifecycle: {@link #close()} closes the connection this store opened and shuts down the Lettuce client only when
 * the store created it ({@link RedisCaches#connect(RedisSettings)}); a store over an application's connection
 * leaves it open.
 */
public final class RedisKeyValueCache implements MonitoredKeyValueCache, AutoCloseable {
    private final Connector connector;
    private final String keyPrefix;
    private final AutoCloseable owned;
    private final String address;

    RedisKeyValueCache(Connector connector, String keyPrefix, AutoCloseable owned) {
        this(connector, keyPrefix, owned, null);
    }

    /** {@code address}: the servers' {@code host:port}s, comma-separated, without credentials; null when unknown. */
    RedisKeyValueCache(Connector connector, String keyPrefix, AutoCloseable owned, String address) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.owned = owned;
        this.address = address;
    }

    /**
     * A store on an application's open connection (codec {@link RedisCaches#CODEC}); {@link #close()} leaves it
     * open. The application chooses its client options; see {@link RedisCaches#clientOptions(RedisSettings)}.
     */
    public static RedisKeyValueCache of(StatefulRedisConnection<String, byte[]> connection, String keyPrefix) {
        Objects.requireNonNull(connection, "connection");
        return new RedisKeyValueCache(Connector.open(new Connector.Link(connection, connection.async())),
                keyPrefix, () -> { });
    }

    /** A store on an application's open Redis Cluster connection; {@link #close()} leaves it open. */
    public static RedisKeyValueCache of(StatefulRedisClusterConnection<String, byte[]> connection, String keyPrefix) {
        Objects.requireNonNull(connection, "connection");
        return new RedisKeyValueCache(Connector.open(new Connector.Link(connection, connection.async())),
                keyPrefix, () -> { });
    }

    /** The prefix put before every key. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** The open connection, or {@code null} while none is open (not yet, between reconnects, or closed). */
    StatefulConnection<String, byte[]> openConnection() {
        return connector.openConnection();
    }

    /** {@code redis}. */
    @Override
    public String storeName() {
        return "redis";
    }

    /**
     * The configured servers' {@code host:port}s (for a cluster, its seed nodes), never a user name or password;
     * {@code unknown} for a store over an application's connection or cluster client.
     */
    @Override
    public String address() {
        return address != null ? address : "unknown";
    }

    /** Whether Lettuce has an open connection now; false before the first connect, between reconnects and after close. */
    @Override
    public boolean reachable() {
        return openConnection() != null;
    }

    @Override
    public CompletionStage<byte[]> get(String key) {
        String k = keyPrefix.concat(Objects.requireNonNull(key, "key"));
        return call(redis -> redis.get(k));
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
        String k = keyPrefix.concat(Objects.requireNonNull(key, "key"));
        return Ttl.setOrRemove(key, value, ttl, () -> call(redis -> redis.del(k)).thenApply(removed -> null), () -> {
            long millis = ttlMillis(ttl);
            return call(redis -> millis == 0 ? redis.set(k, value) : redis.set(k, value, SetArgs.Builder.px(millis)))
                    .thenApply(ok -> null);
        });
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        String k = keyPrefix.concat(Objects.requireNonNull(key, "key"));
        return call(redis -> redis.del(k)).thenApply(removed -> removed != null && removed > 0);
    }

    /**
     * True: every command goes through Lettuce's asynchronous API, which writes to the connection's Netty channel
     * without waiting, is refused at once while disconnected and when its bounded request queue is full, and waits
     * for a connection (re)established in the background as a stage, never on the caller's thread.
     */
    @Override
    public boolean neverBlocksCaller() {
        return true;
    }

    /**
     * Closes the connection this store opened, then the client and its threads if the store created them (waiting
     * at most about 2 s). Idempotent.
     */
    @Override
    public void close() {
        connector.close();
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the Redis client failed", e);
        }
    }

    /**
     * The PX value for a positive {@code ttl}: at least 1; 0 (no expiry) for {@code null} or a ttl too long to count in
     * nanoseconds (about 292 years; every countable ttl fits Redis's limit).
     */
    static long ttlMillis(Duration ttl) {
        return Ttl.millisRoundedUp(ttl);
    }

    private <T> CompletionStage<T> call(Function<RedisClusterAsyncCommands<String, byte[]>, CompletionStage<T>> command) {
        try {
            return connector.link().thenCompose(link -> command.apply(link.commands()));
        } catch (RuntimeException thrown) {
            return CompletableFuture.failedFuture(thrown);
        }
    }
}

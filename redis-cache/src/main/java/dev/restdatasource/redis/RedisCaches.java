package dev.restdatasource.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds {@link RedisKeyValueCache} stores. {@link #connect(RedisSettings)} creates its own Lettuce client, which
 * closing the store shuts down; the other factories open a connection on an application's client and leave the
 * client to the application.
 *
 * <p>The client options of the stores this class creates keep a dead server cheap (see {@link #clientOptions}):
 * commands are rejected at once while disconnected instead of queued, every command has a timeout, the queue of
 * unanswered commands is bounded, and Lettuce reconnects in the background (100 ms doubling up to 2 s between
 * attempts) so the cache is used again once the server is back.
 *
 * <p>Stateless and thread-safe. No factory blocks on the network: each starts opening its store's connection in the
 * background; calls made before it is open wait for it (bounded by the engine's cache timeout), and a first connect
 * that fails is tried again on a call at least 1 s later.
 */
public final class RedisCaches {
    /** Keys as UTF-8 strings, values as raw bytes: binary-safe and readable in {@code redis-cli}. */
    public static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RECONNECT_MIN = Duration.ofMillis(100);
    private static final Duration RECONNECT_MAX = Duration.ofSeconds(2);

    private RedisCaches() {
    }

    /**
     * Lettuce client options for {@code settings}: auto-reconnect on, {@code REJECT_COMMANDS} while disconnected
     * (Lettuce's default queues them without bound until the server is back), {@code command-timeout} on every
     * command, {@code request-queue-size} as the bound on unanswered commands, {@code connect-timeout}, TCP
     * keep-alive, and the truststore when one is set. Exposed so applications can give their own client the same.
     */
    public static ClientOptions clientOptions(RedisSettings settings) {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .requestQueueSize(settings.requestQueueSize())
                .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).keepAlive(true).build())
                .sslOptions(sslOptions(settings))
                .build();
    }

    /**
     * {@link #clientOptions} for a Redis Cluster client, plus topology refresh: every 30 s and on Redis's redirects
     * and reconnects, so that a failover or resharding is followed.
     */
    public static ClusterClientOptions clusterClientOptions(RedisSettings settings) {
        return ClusterClientOptions.builder(clientOptions(settings))
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(Duration.ofSeconds(30))
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .build();
    }

    /**
     * Creates a Lettuce client for {@code settings} (a {@link RedisClusterClient} when {@code cluster}) with threads
     * of its own, and returns a store on a connection it starts opening. Closing the store shuts client and
     * threads down.
     */
    public static RedisKeyValueCache connect(RedisSettings settings) {
        ClientResources resources = clientResources();
        try {
            List<RedisURI> uris = settings.redisUris();
            if (settings.cluster()) {
                RedisClusterClient client = RedisClusterClient.create(resources, uris);
                client.setOptions(clusterClientOptions(settings));
                return over(client, settings.keyPrefix(), () -> shutdown(client, resources), addresses(uris));
            }
            RedisClient client = RedisClient.create(resources);
            client.setOptions(clientOptions(settings));
            return over(client, uris.get(0), settings.keyPrefix(), () -> shutdown(client, resources));
        } catch (RuntimeException e) {
            resources.shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    /**
     * A store on a connection to {@code uri} that it opens through the application's {@code client};
     * closing the store closes that connection and leaves the client running. The client's own options apply.
     */
    public static RedisKeyValueCache connect(RedisClient client, RedisURI uri, String keyPrefix) {
        return over(Objects.requireNonNull(client, "client"), Objects.requireNonNull(uri, "uri"), keyPrefix, () -> { });
    }

    /**
     * A store on a connection to the cluster of the application's {@code client} (its own seed nodes); closing the store closes that connection and leaves the client running.
     */
    public static RedisKeyValueCache connect(RedisClusterClient client, String keyPrefix) {
        return over(Objects.requireNonNull(client, "client"), keyPrefix, () -> { }, null);
    }

    private static RedisKeyValueCache over(RedisClient client, RedisURI uri, String keyPrefix, AutoCloseable owned) {
        return connecting(() -> client.connectAsync(CODEC, uri).thenApply(c -> new Connector.Link(c, c.async())),
                keyPrefix, owned, addresses(List.of(uri)));
    }

    private static RedisKeyValueCache over(RedisClusterClient client, String keyPrefix, AutoCloseable owned,
            String address) {
        // Lettuce's connectAsync needs the topology loaded first; this loads it without blocking.
        return connecting(() -> client.refreshPartitionsAsync().thenCompose(loaded -> client.connectAsync(CODEC))
                .thenCompose(RedisCaches::withMasterConnections)
                .thenApply(c -> new Connector.Link(c, c.async())), keyPrefix, owned, address);
    }

    /**
     * Completes once a connection to every master is open. Lettuce opens them on the first command for a node's
     * slots, and with {@code REJECT_COMMANDS} that first command would fail while its connection opens; a master that
     * cannot be reached now is left to that lazy path.
     */
    private static CompletionStage<StatefulRedisClusterConnection<String, byte[]>> withMasterConnections(
            StatefulRedisClusterConnection<String, byte[]> connection) {
        CompletableFuture<?>[] masters = connection.getPartitions().stream()
                .filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM))
                .map(node -> connection.getConnectionAsync(node.getUri().getHost(), node.getUri().getPort())
                        .handle((c, failed) -> null))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(masters).thenApply(done -> connection);
    }

    /** A store whose connection starts opening now, in the background. */
    private static RedisKeyValueCache connecting(Supplier<CompletionStage<Connector.Link>> connect, String keyPrefix,
            AutoCloseable owned, String address) {
        Connector connector = new Connector(connect, System::nanoTime);
        connector.link();
        return new RedisKeyValueCache(connector, keyPrefix, owned, address);
    }

    /** {@code host:port} of each URI (a socket path for a Unix socket), comma-separated: never its credentials. */
    static String addresses(List<RedisURI> uris) {
        return uris.stream().map(RedisCaches::address).collect(java.util.stream.Collectors.joining(","));
    }

    private static String address(RedisURI uri) {
        if (uri.getSocket() != null) {
            return uri.getSocket();
        }
        if (!uri.getSentinels().isEmpty()) {
            return "sentinel " + addresses(uri.getSentinels()) + " master " + uri.getSentinelMasterId();
        }
        return uri.getHost() + ":" + uri.getPort();
    }

    /**
     * Client resources with two I/O and two computation threads, reconnect delays from 100 ms doubling up to 2 s, and
     * threads whose context class loader is the caller's (in a server, the application's): the engine's continuations
     * run on these threads and look up services such as JSON-B through that class loader.
     */
    static ClientResources clientResources() {
        ClassLoader loader = applicationClassLoader();
        return DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(() -> Delay.exponential(RECONNECT_MIN, RECONNECT_MAX, 2,
                        TimeUnit.MILLISECONDS))
                .threadFactoryProvider(pool -> threads(pool, loader))
                .build();
    }

    /** Netty's daemon threads (fast thread-locals, as Lettuce's default), with {@code loader} as context class loader. */
    private static ThreadFactory threads(String pool, ClassLoader loader) {
        ThreadFactory netty = new DefaultThreadFactory("restdatasource-redis-" + pool, true);
        return task -> {
            Thread thread = netty.newThread(task);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }

    private static ClassLoader applicationClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : RedisCaches.class.getClassLoader();
    }

    private static SslOptions sslOptions(RedisSettings settings) {
        if (settings.truststore() == null) {
            return SslOptions.create();
        }
        return settings.truststorePassword() == null
                ? SslOptions.builder().truststore(settings.truststore().toFile()).build()
                : SslOptions.builder().truststore(settings.truststore().toFile(), settings.truststorePassword()).build();
    }

    private static void shutdown(io.lettuce.core.AbstractRedisClient client, ClientResources resources) {
        try {
            client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
        } finally {
            resources.shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}

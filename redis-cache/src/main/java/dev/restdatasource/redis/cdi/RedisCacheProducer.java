package dev.restdatasource.redis.cdi;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.backend.InvalidSettingsException;
import dev.restdatasource.backend.MonitoredKeyValueCache;
import dev.restdatasource.backend.SettingsReader;
import dev.restdatasource.redis.RedisCaches;
import dev.restdatasource.redis.RedisKeyValueCache;
import dev.restdatasource.redis.RedisSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the application's {@link KeyValueCache} on Redis from MicroProfile Config; added only by
 * {@link RedisCacheExtension} when {@value #URI} is set. Keys (prefix {@value #PREFIX}; see {@link RedisSettings}):
 * {@code uri} (required), {@code cluster} ({@code false}), {@code username}, {@code password}, {@code tls.verify}
 * ({@code full}), {@code tls.truststore}, {@code tls.truststore-password}, {@code key-prefix} (empty),
 * {@code command-timeout} ({@code 1s}), {@code connect-timeout} ({@code 2s}), {@code request-queue-size}
 * ({@code 10000}).
 *
 * <p>An application bean is used instead of a client of the module's own, the first resolvable of: an open
 * connection ({@code StatefulRedisConnection<String, byte[]>}, or {@code StatefulRedisClusterConnection<String,
 * byte[]>} with {@code cluster=true}), left open; a {@link RedisClient} (connected to {@code uri}) or, with
 * {@code cluster=true}, a {@link RedisClusterClient} (its own seed nodes), on which the store opens a connection of
 * its own, closed on shutdown. The application's client keeps its own options. Otherwise the store creates its client,
 * shut down when the application stops.
 *
 * <p>Failure: wrong values fail deployment (the extension checks every key at deployment validation), all reported
 * together, each message naming the full key, e.g. {@code restdatasource.redis.command-timeout}; messages never show a password. Nothing
 * connects at deployment: a Redis that is down makes every cache call a miss until it is up. Thread-safety: CDI calls
 * the producer once per application.
 */
@ApplicationScoped
public class RedisCacheProducer {
    /** The prefix of every key. */
    public static final String PREFIX = "restdatasource.redis.";
    /** The key that turns the producer on. */
    public static final String URI = PREFIX + "uri";
    /** Every key under {@link #PREFIX}, without the prefix. */
    static final List<String> KEYS = List.of("uri", "cluster", "username", "password", "tls.verify", "tls.truststore",
            "tls.truststore-password", "key-prefix", "command-timeout", "connect-timeout", "request-queue-size");

    @Produces
    @ApplicationScoped
    MonitoredKeyValueCache keyValueCache(Instance<StatefulRedisConnection<String, byte[]>> connection,
            Instance<StatefulRedisClusterConnection<String, byte[]>> clusterConnection,
            Instance<RedisClient> client, Instance<RedisClusterClient> clusterClient) {
        RedisSettings s = read(ConfigProvider.getConfig());
        if (s.cluster()) {
            if (clusterConnection.isResolvable()) {
                return RedisKeyValueCache.of(clusterConnection.get(), s.keyPrefix());
            }
            if (clusterClient.isResolvable()) {
                return RedisCaches.connect(clusterClient.get(), s.keyPrefix());
            }
        } else {
            if (connection.isResolvable()) {
                return RedisKeyValueCache.of(connection.get(), s.keyPrefix());
            }
            if (client.isResolvable()) {
                return RedisCaches.connect(client.get(), s.redisUris().get(0), s.keyPrefix());
            }
        }
        return RedisCaches.connect(s);
    }

    void close(@Disposes MonitoredKeyValueCache cache) {
        if (cache instanceof RedisKeyValueCache store) {
            store.close();
        }
    }

    /**
     * What {@code config} asks for, every value checked; connects to nothing. {@link RedisCacheExtension} calls it at
     * deployment validation so that wrong values fail the deployment.
     *
     * @throws InvalidSettingsException listing every wrong value (and a missing {@value #URI}), each message naming
     *                                  the full key
     */
    static RedisSettings read(Config config) {
        SettingsReader r = new SettingsReader(config);
        String uri = r.required(URI);
        boolean cluster = r.bool(PREFIX + "cluster", false);
        String username = r.trimmed(PREFIX + "username").orElse(null);
        String password = r.trimmed(PREFIX + "password").orElse(null);
        String tlsVerify = r.trimmed(PREFIX + "tls.verify").orElse("full");
        Path truststore = r.trimmed(PREFIX + "tls.truststore").map(Path::of).orElse(null);
        String truststorePassword = r.trimmed(PREFIX + "tls.truststore-password").orElse(null);
        String keyPrefix = r.string(PREFIX + "key-prefix", "");
        Duration commandTimeout = r.duration(PREFIX + "command-timeout", RedisSettings.DEFAULT_COMMAND_TIMEOUT);
        Duration connectTimeout = r.duration(PREFIX + "connect-timeout", RedisSettings.DEFAULT_CONNECT_TIMEOUT);
        int requestQueueSize = r.integer(PREFIX + "request-queue-size", RedisSettings.DEFAULT_REQUEST_QUEUE_SIZE);
        // The settings name their components by the short key ("uri must ..."): the reader adds the prefix.
        RedisSettings settings = uri == null ? null : r.check(PREFIX, () -> new RedisSettings(uri, cluster, username,
                password, tlsVerify, truststore, truststorePassword, keyPrefix, commandTimeout, connectTimeout,
                requestQueueSize));
        r.throwIfProblems();
        return settings;
    }
}

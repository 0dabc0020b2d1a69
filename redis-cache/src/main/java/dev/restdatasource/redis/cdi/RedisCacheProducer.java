package dev.restdatasource.redis.cdi;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.cdi.DataSourceSettings;
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
import java.util.Locale;
import java.util.Optional;
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
 * <p>Failure: a wrong value fails deployment (the extension checks every key at deployment validation) with a message
 * naming the full key, e.g. {@code restdatasource.redis.command-timeout}; messages never show a password. Nothing
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
    KeyValueCache keyValueCache(Instance<StatefulRedisConnection<String, byte[]>> connection,
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

    void close(@Disposes KeyValueCache cache) {
        if (cache instanceof RedisKeyValueCache store) {
            store.close();
        }
    }

    /**
     * What {@code config} asks for, every value checked; connects to nothing. {@link RedisCacheExtension} calls it at
     * deployment validation so that a wrong value fails the deployment.
     *
     * @throws IllegalArgumentException (or MicroProfile Config's exception for a missing {@value #URI}) with a message
     *                                  naming the full key
     */
    static RedisSettings read(Config config) {
        try {
            return new RedisSettings(config.getValue(URI, String.class),
                    bool(config, "cluster", false),
                    raw(config, "username").orElse(null),
                    raw(config, "password").orElse(null),
                    raw(config, "tls.verify").orElse("full"),
                    raw(config, "tls.truststore").map(Path::of).orElse(null),
                    raw(config, "tls.truststore-password").orElse(null),
                    config.getOptionalValue(PREFIX + "key-prefix", String.class).orElse(""),
                    duration(config, "command-timeout", RedisSettings.DEFAULT_COMMAND_TIMEOUT),
                    duration(config, "connect-timeout", RedisSettings.DEFAULT_CONNECT_TIMEOUT),
                    integer(config, "request-queue-size", RedisSettings.DEFAULT_REQUEST_QUEUE_SIZE));
        } catch (IllegalArgumentException | NullPointerException e) {
            // The settings name their components by the short key ("uri must ..."): give the full key.
            throw new IllegalArgumentException(PREFIX + e.getMessage(), e);
        }
    }

    private static Optional<String> raw(Config config, String key) {
        return config.getOptionalValue(PREFIX + key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static boolean bool(Config config, String key, boolean fallback) {
        String value = raw(config, key).map(v -> v.toLowerCase(Locale.ROOT)).orElse(Boolean.toString(fallback));
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false: " + value);
        }
        return Boolean.parseBoolean(value);
    }

    private static Duration duration(Config config, String key, Duration fallback) {
        Optional<String> value = raw(config, key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration d = DataSourceSettings.parseDuration(value.get());
        if (d == null) {
            throw new IllegalArgumentException(key + " is not a duration (use 500ms, 2s or an ISO-8601 duration): "
                    + value.get());
        }
        return d;
    }

    private static int integer(Config config, String key, int fallback) {
        Optional<String> value = raw(config, key);
        try {
            return value.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a whole number: " + value.get());
        }
    }
}

package dev.restdatasource.memcached.cdi;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.cdi.DataSourceSettings;
import dev.restdatasource.memcached.MemcachedCaches;
import dev.restdatasource.memcached.MemcachedKeyValueCache;
import dev.restdatasource.memcached.MemcachedSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.rubyeye.xmemcached.MemcachedClient;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the application's {@link KeyValueCache} on memcached from MicroProfile Config; added only by
 * {@link MemcachedCacheExtension} when {@value #SERVERS} is set. Keys (prefix {@value #PREFIX}; see
 * {@link MemcachedSettings} for what each does): {@code servers} (comma-separated {@code host:port}), {@code
 * op-timeout} ({@code 500ms}), {@code connect-timeout} ({@code 1s}), {@code heal-interval} ({@code 2s}), {@code
 * failure-mode} ({@code true}), {@code connection-pool-size} ({@code 1}), {@code max-item-size} ({@code 1048576}).
 * Durations are {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or ISO-8601.
 *
 * <p>When the application has a {@link MemcachedClient} bean, the store uses it (and leaves it to the application;
 * {@code servers} still switches the module on and {@code max-item-size} still applies); otherwise the store builds
 * its own client, shut down when the application stops.
 *
 * <p>Failure: a wrong value fails deployment (the extension checks every key at deployment validation) with a message
 * naming the full key. Thread-safety: CDI calls the producer once per application.
 */
@ApplicationScoped
public class MemcachedCacheProducer {
    /** The prefix of every key. */
    public static final String PREFIX = "restdatasource.memcached.";
    /** The key that turns the producer on. */
    public static final String SERVERS = PREFIX + "servers";

    @Produces
    @ApplicationScoped
    KeyValueCache keyValueCache(Instance<MemcachedClient> application) {
        MemcachedSettings settings = read(ConfigProvider.getConfig());
        if (application.isResolvable()) {
            return MemcachedKeyValueCache.of(application.get(), settings.maxItemSize());
        }
        return MemcachedCaches.client(settings);
    }

    void close(@Disposes KeyValueCache cache) {
        if (cache instanceof MemcachedKeyValueCache store) {
            store.close();
        }
    }

    /**
     * The settings {@code config} asks for, every value checked; starts nothing.
     *
     * @throws IllegalArgumentException (or MicroProfile Config's exception for a number that does not convert) with a
     *                                  message naming the full key
     */
    static MemcachedSettings read(Config config) {
        List<String> servers = Arrays.stream(config.getValue(SERVERS, String.class).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        MemcachedSettings d = MemcachedSettings.of(List.of("127.0.0.1:11211"));
        try {
            return new MemcachedSettings(servers,
                    duration(config, "op-timeout", d.opTimeout()),
                    duration(config, "connect-timeout", d.connectTimeout()),
                    duration(config, "heal-interval", d.healInterval()),
                    bool(config, "failure-mode", d.failureMode()),
                    config.getOptionalValue(PREFIX + "connection-pool-size", Integer.class)
                            .orElse(d.connectionPoolSize()),
                    config.getOptionalValue(PREFIX + "max-item-size", Integer.class).orElse(d.maxItemSize()));
        } catch (IllegalArgumentException | NullPointerException e) {
            // The record names its components by their short key ("servers: ..."): give the full key.
            throw new IllegalArgumentException(PREFIX + e.getMessage(), e);
        }
    }

    private static Duration duration(Config config, String key, Duration fallback) {
        return config.getOptionalValue(PREFIX + key, String.class).map(String::trim).map(value -> {
            Duration d = DataSourceSettings.parseDuration(value);
            if (d == null) {
                throw new IllegalArgumentException(key + ": '" + value
                        + "' is not a duration (use 500ms, 30s, 2m or an ISO-8601 duration)");
            }
            return d;
        }).orElse(fallback);
    }

    private static boolean bool(Config config, String key, boolean fallback) {
        return config.getOptionalValue(PREFIX + key, String.class).map(v -> v.trim().toLowerCase(Locale.ROOT))
                .map(value -> switch (value) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException(key + " must be true or false: " + value);
                }).orElse(fallback);
    }
}

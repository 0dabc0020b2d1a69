package dev.restdatasource.memcached.cdi;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.backend.InvalidSettingsException;
import dev.restdatasource.backend.SettingsReader;
import dev.restdatasource.memcached.MemcachedCaches;
import dev.restdatasource.memcached.MemcachedKeyValueCache;
import dev.restdatasource.memcached.MemcachedSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
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
 * <p>Failure: wrong values fail deployment (the extension checks every key at deployment validation), all reported
 * together, each message naming the full key. Thread-safety: CDI calls the producer once per application.
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
     * @throws InvalidSettingsException listing every wrong value, each message naming the full key
     */
    static MemcachedSettings read(Config config) {
        SettingsReader r = new SettingsReader(config);
        MemcachedSettings d = MemcachedSettings.of(List.of("127.0.0.1:11211"));
        List<String> servers = r.list(SERVERS, List.of());
        Duration opTimeout = r.duration(PREFIX + "op-timeout", d.opTimeout());
        Duration connectTimeout = r.duration(PREFIX + "connect-timeout", d.connectTimeout());
        Duration healInterval = r.duration(PREFIX + "heal-interval", d.healInterval());
        boolean failureMode = r.bool(PREFIX + "failure-mode", d.failureMode());
        int connectionPoolSize = r.integer(PREFIX + "connection-pool-size", d.connectionPoolSize());
        int maxItemSize = r.integer(PREFIX + "max-item-size", d.maxItemSize());
        // The record names its components by their short key ("servers: ..."): the reader adds the prefix.
        MemcachedSettings settings = r.check(PREFIX, () -> new MemcachedSettings(servers, opTimeout, connectTimeout,
                healInterval, failureMode, connectionPoolSize, maxItemSize));
        r.throwIfProblems();
        return settings;
    }
}

package dev.restdatasource.infinispan.cdi;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.infinispan.InfinispanCaches;
import dev.restdatasource.infinispan.InfinispanKeyValueCache;
import dev.restdatasource.infinispan.InfinispanNodeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * Produces the application's {@link KeyValueCache} on Infinispan from MicroProfile Config; added only by
 * {@link InfinispanCacheExtension} when {@value #MODE} is set. Keys (prefix {@value #PREFIX}):
 * <ul>
 *   <li>{@code mode}: {@code embedded} (a clustered node in this server) or {@code remote} (a Hot Rod client);</li>
 *   <li>embedded: {@code cluster-name} (default {@code restdatasource}), {@code bind-address} ({@code 127.0.0.1}),
 *       {@code bind-port} ({@code 7800}), {@code initial-hosts} ({@code 127.0.0.1[7800]}), {@code owners}
 *       ({@code 2});</li>
 *   <li>remote: {@code servers} (required, {@code host:port;host:port});</li>
 *   <li>both: {@code cache-name} ({@code restdatasource-http}).</li>
 * </ul>
 * When the application has an {@link EmbeddedCacheManager} bean (mode {@code embedded}) or a
 * {@link RemoteCacheManager} bean (mode {@code remote}), the store uses that manager's cache
 * {@code cache-name} and leaves the manager to the application; otherwise the store starts its own node or
 * client, stopped when the application stops.
 *
 * <p>Failure: a wrong value fails the first use of the bean (normally deployment) with an exception naming the
 * key. Thread-safety: CDI calls the producer once per application.
 */
@ApplicationScoped
public class InfinispanCacheProducer {
    /** The prefix of every key. */
    public static final String PREFIX = "restdatasource.infinispan.";
    /** The key that turns the producer on. */
    public static final String MODE = PREFIX + "mode";

    @Produces
    @ApplicationScoped
    KeyValueCache keyValueCache(Instance<EmbeddedCacheManager> embedded, Instance<RemoteCacheManager> remote) {
        Config config = ConfigProvider.getConfig();
        String mode = config.getValue(MODE, String.class).trim().toLowerCase(Locale.ROOT);
        String cacheName = config.getOptionalValue(PREFIX + "cache-name", String.class)
                .orElse(InfinispanCaches.DEFAULT_CACHE_NAME);
        switch (mode) {
            case "embedded":
                return embedded.isResolvable()
                        ? InfinispanKeyValueCache.of(embedded.get(), cacheName)
                        : InfinispanCaches.embedded(settings(config, cacheName));
            case "remote":
                return remote.isResolvable()
                        ? InfinispanKeyValueCache.of(remote.get(), cacheName)
                        : InfinispanCaches.remote(config.getValue(PREFIX + "servers", String.class), cacheName);
            default:
                throw new IllegalArgumentException(MODE + " must be embedded or remote: " + mode);
        }
    }

    void close(@Disposes KeyValueCache cache) throws Exception {
        if (cache instanceof InfinispanKeyValueCache store) {
            store.close();
        }
    }

    /** The node settings from {@code config}, each missing key taking its default. */
    static InfinispanNodeSettings settings(Config config, String cacheName) {
        InfinispanNodeSettings d = InfinispanNodeSettings.defaults();
        return new InfinispanNodeSettings(
                config.getOptionalValue(PREFIX + "cluster-name", String.class).orElse(d.clusterName()),
                config.getOptionalValue(PREFIX + "bind-address", String.class).orElse(d.bindAddress()),
                config.getOptionalValue(PREFIX + "bind-port", Integer.class).orElse(d.bindPort()),
                config.getOptionalValue(PREFIX + "initial-hosts", String.class).orElse(d.initialHosts()),
                cacheName,
                config.getOptionalValue(PREFIX + "owners", Integer.class).orElse(d.owners()));
    }
}

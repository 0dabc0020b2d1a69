package dev.restdatasource.infinispan;

import java.util.Objects;
import org.infinispan.client.hotrod.DefaultTemplate;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;
import org.infinispan.configuration.parsing.ConfigurationBuilderHolder;
import org.infinispan.configuration.parsing.ParserRegistry;
import org.infinispan.manager.DefaultCacheManager;

/**
 * Builds {@link InfinispanKeyValueCache} stores that own their Infinispan node or client: closing the
 * store stops it. For a cache or manager the application manages itself use
 * {@link InfinispanKeyValueCache#of}.
 *
 * <p>Stateless and thread-safe. Failures to start (a port in use, a server that does not answer) are thrown
 * from the factory method as Infinispan's runtime exceptions, after whatever was started is stopped again.
 */
public final class InfinispanCaches {
    /** The Hot Rod cache used when none is named. */
    public static final String DEFAULT_CACHE_NAME = "restdatasource-http";

    private InfinispanCaches() {
    }

    /**
     * Starts an embedded node that joins (or forms) the cluster described by {@code settings}, and returns
     * a store on its distributed cache. Blocks until the node has joined (about the JGroups join timeout for
     * the first node).
     */
    public static InfinispanKeyValueCache embedded(InfinispanNodeSettings settings) {
        ConfigurationBuilderHolder holder = new ParserRegistry().parse(settings.toXml());
        DefaultCacheManager manager = new DefaultCacheManager(holder, false);
        try {
            manager.start();
            return InfinispanKeyValueCache.embedded(manager.getCache(settings.cacheName()), manager::stop);
        } catch (RuntimeException failed) {
            manager.stop();
            throw failed;
        }
    }

    /**
     * Connects a Hot Rod client to the Infinispan Server(s) {@code servers} ({@code host:port} separated by
     * {@code ;} or {@code ,}) and returns a store on the cache {@code cacheName}, which the server creates from
     * its distributed template when it does not exist yet.
     */
    public static InfinispanKeyValueCache remote(String servers, String cacheName) {
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(cacheName, "cacheName");
        ConfigurationBuilder client = new ConfigurationBuilder()
                .addServers(servers.replace(',', ';'))
                .connectionTimeout(2_000)
                .socketTimeout(2_000);
        client.remoteCache(cacheName).templateName(DefaultTemplate.DIST_SYNC);
        RemoteCacheManager manager = new RemoteCacheManager(client.build());
        try {
            return InfinispanKeyValueCache.remote(InfinispanKeyValueCache.remoteCache(manager, cacheName), manager::stop);
        } catch (RuntimeException failed) {
            manager.stop();
            throw failed;
        }
    }
}

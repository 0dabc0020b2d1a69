package dev.restdatasource.infinispan;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheCdiContract;
import dev.restdatasource.cache.testkit.LoopbackPorts;
import dev.restdatasource.infinispan.cdi.InfinispanCacheExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

/** The CDI wiring of restdatasource-infinispan (modes {@code embedded} and {@code remote}) under Weld SE and SmallRye Config. */
class InfinispanCdiTest extends KeyValueCacheCdiContract {
    private static final String PREFIX = "restdatasource.infinispan.";
    private final int port = LoopbackPorts.free(1, 10_000, 15_000, 50_000).get(0);

    @Override
    protected String prefix() {
        return PREFIX;
    }

    @Override
    protected Extension extension() {
        return new InfinispanCacheExtension();
    }

    @Override
    protected Map<String, String> ownNodeSettings() {
        return Map.of(PREFIX + "mode", "embedded",
                PREFIX + "cluster-name", "rds-cdi-" + UUID.randomUUID(),
                PREFIX + "bind-port", Integer.toString(port),
                PREFIX + "initial-hosts", "127.0.0.1[" + port + "]",
                PREFIX + "owners", "1");
    }

    @Override
    protected int ownNodePort() {
        return port;
    }

    @Override
    protected Class<?> applicationEngineBean() {
        return ApplicationManager.class;
    }

    @Override
    protected int entriesInApplicationEngine() {
        return ApplicationManager.last.getCache(InfinispanCaches.DEFAULT_CACHE_NAME).size();
    }

    /** Mode {@code remote}: a Hot Rod client to the test JVM's real Infinispan Server ({@link InfinispanTestServer}). */
    @Override
    protected Map<String, String> clientSettings() {
        return Map.of(PREFIX + "mode", "remote", PREFIX + "servers", InfinispanTestServer.shared().address());
    }

    @Override
    protected boolean clientRunning(KeyValueCache store) {
        return ((InfinispanKeyValueCache) store).remoteContainer().isStarted();
    }

    @Override
    protected Class<?> applicationClientBean() {
        return ApplicationRemoteManager.class;
    }

    @Override
    protected boolean usesApplicationClient(KeyValueCache store) {
        return ((InfinispanKeyValueCache) store).remoteContainer() == ApplicationRemoteManager.last;
    }

    @Override
    protected List<String[]> badSettings() {
        return List.of(
                new String[] {"mode", "replicated", PREFIX + "mode must be embedded or remote: replicated"},
                new String[] {"bind-port", "70000", PREFIX + "bind-port must be within 1..15535"},
                new String[] {"bind-port", "abc", PREFIX + "bind-port"},
                new String[] {"owners", "0", PREFIX + "owners must be at least 1: 0"},
                new String[] {"mode", "remote", PREFIX + "servers"});
    }

    /** The application's own local cache manager, stopped by the application. */
    @ApplicationScoped
    static class ApplicationManager {
        static volatile EmbeddedCacheManager last;

        @Produces
        @ApplicationScoped
        EmbeddedCacheManager manager() {
            GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
            global.cacheContainer().statistics(false);
            DefaultCacheManager manager = new DefaultCacheManager(global.build(), true);
            manager.defineConfiguration(InfinispanCaches.DEFAULT_CACHE_NAME, new ConfigurationBuilder().build());
            last = manager;
            return manager;
        }

        void stop(@Disposes EmbeddedCacheManager manager) {
            manager.stop();
        }
    }

    /** The application's own Hot Rod client to the test server, stopped by the application. */
    @ApplicationScoped
    static class ApplicationRemoteManager {
        static volatile RemoteCacheManager last;

        @Produces
        @ApplicationScoped
        RemoteCacheManager manager() {
            last = new RemoteCacheManager(new org.infinispan.client.hotrod.configuration.ConfigurationBuilder()
                    .addServers(InfinispanTestServer.shared().address()).build());
            return last;
        }

        void stop(@Disposes RemoteCacheManager manager) {
            manager.stop();
        }
    }
}

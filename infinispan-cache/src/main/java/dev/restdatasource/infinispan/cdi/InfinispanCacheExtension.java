package dev.restdatasource.infinispan.cdi;

import dev.restdatasource.backend.CacheBackendExtension;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Adds {@link InfinispanCacheProducer} to the application when MicroProfile Config has {@value InfinispanCacheProducer#MODE}
 * and checks every {@code restdatasource.infinispan.*} key at deployment (see {@link CacheBackendExtension}).
 * Registered through {@code META-INF/services}. Stateless.
 */
public final class InfinispanCacheExtension extends CacheBackendExtension {
    /** Called by CDI (service loader). */
    public InfinispanCacheExtension() {
        super(InfinispanCacheProducer.PREFIX, "mode", List.of("mode", "cluster-name", "bind-address", "bind-port",
            "initial-hosts", "owners", "servers", "cache-name"), InfinispanCacheProducer.class);
    }

    @Override
    protected void check(Config config) {
        InfinispanCacheProducer.read(config);
    }
}

package dev.restdatasource.memcached.cdi;

import dev.restdatasource.backend.CacheBackendExtension;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Adds {@link MemcachedCacheProducer} to the application when MicroProfile Config has
 * {@value MemcachedCacheProducer#SERVERS} and checks every {@code restdatasource.memcached.*} key at deployment (see
 * {@link CacheBackendExtension}). Registered through {@code META-INF/services}. Stateless.
 */
public final class MemcachedCacheExtension extends CacheBackendExtension {
    /** Called by CDI (service loader). */
    public MemcachedCacheExtension() {
        super(MemcachedCacheProducer.PREFIX, "servers", List.of("servers", "op-timeout", "connect-timeout",
                "heal-interval", "failure-mode", "connection-pool-size", "max-item-size"),
                MemcachedCacheProducer.class);
    }

    @Override
    protected void check(Config config) {
        MemcachedCacheProducer.read(config);
    }
}

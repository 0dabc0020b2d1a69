package dev.restdatasource.redis.cdi;

import dev.restdatasource.backend.CacheBackendExtension;
import org.eclipse.microprofile.config.Config;

/**
 * Adds {@link RedisCacheProducer} to the application when MicroProfile Config has {@value RedisCacheProducer#URI} and
 * checks every {@code restdatasource.redis.*} key at deployment (see {@link CacheBackendExtension}). Registered
 * through {@code META-INF/services}. Stateless.
 */
public final class RedisCacheExtension extends CacheBackendExtension {
    /** Called by CDI (service loader). */
    public RedisCacheExtension() {
        super(RedisCacheProducer.PREFIX, "uri", RedisCacheProducer.KEYS, RedisCacheProducer.class);
    }

    @Override
    protected void check(Config config) {
        RedisCacheProducer.read(config);
    }
}

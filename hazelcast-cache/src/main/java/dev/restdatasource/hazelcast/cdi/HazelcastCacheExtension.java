package dev.restdatasource.hazelcast.cdi;

import dev.restdatasource.backend.CacheBackendExtension;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Adds {@link HazelcastCacheProducer} to the application when MicroProfile Config has {@value HazelcastCacheProducer#MODE}
 * and checks every {@code restdatasource.hazelcast.*} key at deployment (see {@link CacheBackendExtension}).
 * Registered through {@code META-INF/services}. Stateless.
 */
public final class HazelcastCacheExtension extends CacheBackendExtension {
    /** Called by CDI (service loader). */
    public HazelcastCacheExtension() {
        super(HazelcastCacheProducer.PREFIX, "mode", List.of("mode", "cluster-name", "interface", "port", "members",
            "backup-count", "addresses", "map-name"), HazelcastCacheProducer.class);
    }

    @Override
    protected void check(Config config) {
        HazelcastCacheProducer.read(config);
    }
}

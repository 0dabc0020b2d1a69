package dev.restdatasource.store;

import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;

/** Caffeine's JCache provider, as the JCache tests use it. */
final class JCacheFixture {
    static final String PROVIDER = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

    private JCacheFixture() {
    }

    /** A new manager of its own, so test classes do not share caches. */
    static CacheManager newManager() {
        CachingProvider provider = Caching.getCachingProvider(PROVIDER);
        return provider.getCacheManager(
                java.net.URI.create("restdatasource-test-" + UUID.randomUUID()), JCacheFixture.class.getClassLoader());
    }

    static String uniqueName() {
        return "kv-" + UUID.randomUUID();
    }

    /** A store-by-value cache (the JCache default), typed String to byte[]. */
    static Cache<String, byte[]> newCache(CacheManager manager, String name) {
        return manager.createCache(name, new MutableConfiguration<String, byte[]>().setTypes(String.class, byte[].class));
    }
}

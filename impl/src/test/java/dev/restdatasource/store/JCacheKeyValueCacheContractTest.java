package dev.restdatasource.store;


import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheContract;
import dev.restdatasource.internal.support.MutableClock;
import java.time.Duration;
import javax.cache.CacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the kit on Caffeine's JCache provider, with a fake clock for the expiry prefix. */
class JCacheKeyValueCacheContractTest extends KeyValueCacheContract {
    private static CacheManager manager;
    private final MutableClock time = new MutableClock();
    private String cacheName;

    @BeforeAll
    static void startProvider() {
        manager = JCacheFixture.newManager();
    }

    @AfterAll
    static void stopProvider() {
        manager.close();
    }

    @Override
    protected KeyValueCache newCache() {
        cacheName = JCacheFixture.uniqueName();
        return new JCacheKeyValueCache(JCacheFixture.newCache(manager, cacheName), time);
    }

    @Override
    protected void closeCache(KeyValueCache cache) {
        manager.destroyCache(cacheName);
    }

    @Override
    protected void elapse(Duration duration) {
        time.advance(duration);
    }
}

package dev.restdatasource.memcached;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared contract against one real memcached (-I 2m, so the contract's 1 MiB value fits). */
class MemcachedKeyValueCacheContractTest extends KeyValueCacheContract {
    private static MemcachedTestServer server;

    @BeforeAll
    static void startServer() {
        server = MemcachedTestServer.start(2_048);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Override
    protected KeyValueCache newCache() {
        return MemcachedCaches.client(MemcachedSettings.of(List.of(server.address())).withMaxItemSize(2 << 20)
                .withOpTimeout(Duration.ofSeconds(5)));
    }

    @Override
    protected void closeCache(KeyValueCache cache) {
        ((MemcachedKeyValueCache) cache).close();
    }
}

package dev.restdatasource.redis;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheContract;
import dev.restdatasource.cache.testkit.LoopbackPorts;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract kit on a real redis-server on 127.0.0.1, through a store with its own Lettuce client. */
class RedisKeyValueCacheContractTest extends KeyValueCacheContract {
    /** Command and connect timeouts: these tests are not about timeouts, and a busy machine must not fail them. */
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static RedisTestServer server;
    private static RedisKeyValueCache store;

    @BeforeAll
    static void startServer() {
        server = RedisTestServer.started(LoopbackPorts.free(1, 30_000, 35_000, 0).get(0));
        store = RedisCaches.connect(RedisSettings.of(server.uri()).withKeyPrefix("contract:").withLimits(GENEROUS,
                GENEROUS, RedisSettings.DEFAULT_REQUEST_QUEUE_SIZE));
    }

    @AfterAll
    static void stopServer() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.kill();
        }
    }

    @Override
    protected KeyValueCache newCache() {
        return store;
    }
}

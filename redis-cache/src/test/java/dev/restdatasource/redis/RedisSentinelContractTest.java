package dev.restdatasource.redis;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheContract;
import dev.restdatasource.cache.testkit.LoopbackPorts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract kit through Sentinel: a real master and a real {@code redis-server --sentinel} on 127.0.0.1, the store
 * given only {@code redis-sentinel://127.0.0.1:<sentinel>#restdatasource}, so Lettuce asks the Sentinel for the
 * master's address and connects there.
 */
class RedisSentinelContractTest extends KeyValueCacheContract {
    /** Command and connect timeouts: these tests are not about timeouts, and a busy machine must not fail them. */
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static RedisTestServer master;
    private static RedisTestServer sentinel;
    private static RedisKeyValueCache store;

    @BeforeAll
    static void start() {
        List<Integer> ports = LoopbackPorts.free(2, 30_000, 35_000, 0);
        master = RedisTestServer.started(ports.get(0));
        sentinel = RedisTestServer.startedSentinel(ports.get(1), "restdatasource", ports.get(0));
        store = RedisCaches.connect(RedisSettings.of("redis-sentinel://127.0.0.1:" + ports.get(1) + "#restdatasource")
                .withLimits(GENEROUS, GENEROUS, RedisSettings.DEFAULT_REQUEST_QUEUE_SIZE));
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (sentinel != null) {
            sentinel.kill();
        }
        if (master != null) {
            master.kill();
        }
    }

    @Override
    protected KeyValueCache newCache() {
        return store;
    }
}

package dev.restdatasource.redis;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheClusterContract;
import dev.restdatasource.cache.testkit.LoopbackPorts;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared scenarios on one standalone redis-server, the shape of a real deployment: each "node" is an application
 * server's store (its own Lettuce client) on the same Redis, so a value written through A is read through B and a ttl
 * expires for all. The outage is the real one: the redis-server process is killed (SIGKILL) while data sources keep
 * answering from the upstream within the cache timeout, then started again on the same port, where the same store's
 * connection finds it again through Lettuce's auto-reconnect.
 */
class RedisOutageClusterContractTest extends KeyValueCacheClusterContract {
    private static RedisTestServer server;
    private final RedisKeyValueCache[] stores = new RedisKeyValueCache[4];

    @BeforeAll
    static void startServer() {
        server = RedisTestServer.started(LoopbackPorts.free(1, 40_000, 45_000, 0).get(0));
    }

    @AfterAll
    static void stopServer() {
        server.kill();
    }

    private static RedisKeyValueCache connect() {
        return RedisCaches.connect(RedisSettings.of(server.uri())
                .withLimits(Duration.ofMillis(500), Duration.ofMillis(500), 1_000));
    }

    @Override
    protected KeyValueCache startNode(int index) {
        stores[index] = connect();
        return stores[index];
    }

    @Override
    protected void stopNode(int index) {
        stores[index].close();
        stores[index] = null;
    }

    @Override
    protected KeyValueCache startOutageScenario() {
        stores[3] = connect();
        return stores[3];
    }

    @Override
    protected void takeEveryCacheNodeDown() {
        server.kill();
    }

    @Override
    protected void bringACacheNodeBack() {
        server.start();
    }

    @Override
    protected void stopEverything() {
        for (int i = 0; i < stores.length; i++) {
            if (stores[i] != null) {
                stopNode(i);
            }
        }
        server.start(); // a failed outage test may have left it down
    }
}

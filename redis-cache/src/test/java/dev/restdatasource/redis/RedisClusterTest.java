package dev.restdatasource.redis;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheClusterContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared cluster scenarios on a real three-master Redis Cluster ({@link RedisTestCluster}): each "node" is an
 * application server's store with its own {@code RedisClusterClient} (setting {@code cluster=true}, the three seed
 * URIs), so keys spread over the three masters by hash slot. The outage kills all three redis-server processes, then
 * starts them again on their ports (they form the same cluster from their {@code nodes.conf}); the same store finds
 * the cluster again.
 */
class RedisClusterTest extends KeyValueCacheClusterContract {
    private static RedisTestCluster cluster;
    private final RedisKeyValueCache[] stores = new RedisKeyValueCache[4];

    @BeforeAll
    static void startCluster() {
        cluster = new RedisTestCluster();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static RedisKeyValueCache connect() {
        return RedisCaches.connect(RedisSettings.cluster(cluster.seeds())
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
        cluster.killAll();
    }

    /** Every master is needed to serve every slot: all three come back. */
    @Override
    protected void bringACacheNodeBack() {
        cluster.startAll();
    }

    @Override
    protected void stopEverything() {
        for (int i = 0; i < stores.length; i++) {
            if (stores[i] != null) {
                stopNode(i);
            }
        }
        cluster.startAll();
        cluster.awaitOk();
    }
}

package dev.restdatasource.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared scenarios ({@link RedisStoresClusterContract}) on a real three-master Redis Cluster
 * ({@link RedisTestCluster}): every store has its own {@code RedisClusterClient} ({@code cluster=true}, the three
 * seed URIs), so keys spread over the masters by hash slot. The outage kills all three processes and starts all three
 * again (every master is needed to serve every slot); they form the same cluster from their {@code nodes.conf}.
 */
class RedisClusterTest extends RedisStoresClusterContract {
    private static RedisTestCluster cluster;

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

    @Override
    RedisSettings settings() {
        return RedisSettings.cluster(cluster.seeds());
    }

    @Override
    void killServers() {
        cluster.killAll();
    }

    @Override
    void startServers() {
        cluster.startAll();
        cluster.awaitOk();
    }
}

package dev.restdatasource.redis;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real three-master Redis Cluster on 127.0.0.1 for tests: three {@code redis-server --cluster-enabled yes}
 * processes, formed with {@code CLUSTER ADDSLOTSRANGE} (a third of the 16384 slots each) and {@code CLUSTER MEET}
 * sent through Lettuce (no {@code redis-cli} needed). Each node keeps its {@code nodes.conf} in its own folder, so
 * killed nodes started again on their ports form the same cluster. Waits are bounded by {@link #PATIENCE}.
 */
final class RedisTestCluster implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int SLOTS = 16_384;

    private final List<RedisTestServer> nodes = new ArrayList<>();

    /** Starts three nodes and forms the cluster. */
    RedisTestCluster() {
        for (int port : LoopbackPorts.free(3, 21_000, 29_000, 10_000)) {
            nodes.add(new RedisTestServer(port, List.of("--cluster-enabled", "yes", "--cluster-config-file",
                    "nodes.conf", "--cluster-node-timeout", "2000")));
        }
        startAll();
        RedisClient client = RedisClient.create();
        try {
            for (int i = 0; i < nodes.size(); i++) {
                try (StatefulRedisConnection<String, String> c = client.connect(RedisURI.create(nodes.get(i).uri()))) {
                    c.sync().clusterAddSlotsRange(Range.create(i * SLOTS / 3, (i + 1) * SLOTS / 3 - 1));
                    if (i > 0) {
                        c.sync().clusterMeet("127.0.0.1", nodes.get(0).port());
                    }
                }
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        awaitOk();
    }

    /** The seed URIs, comma-separated. */
    String seeds() {
        return nodes.stream().map(RedisTestServer::uri).collect(Collectors.joining(","));
    }

    /** Kills every node. */
    void killAll() {
        nodes.forEach(RedisTestServer::kill);
    }

    /** Starts every node that is not running and waits until the cluster state is ok on each. */
    void startAll() {
        nodes.forEach(RedisTestServer::start);
    }

    /** Waits until every node reports {@code cluster_state:ok}. */
    void awaitOk() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        RedisClient client = RedisClient.create();
        try {
            for (RedisTestServer node : nodes) {
                try (StatefulRedisConnection<String, String> c = client.connect(RedisURI.create(node.uri()))) {
                    while (!c.sync().clusterInfo().contains("cluster_state:ok")) {
                        if (System.nanoTime() - deadline > 0) {
                            throw new IllegalStateException("the cluster " + seeds() + " is not ok within " + PATIENCE
                                    + ": " + c.sync().clusterInfo());
                        }
                        Thread.sleep(100);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the cluster formed", e);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        killAll();
    }
}

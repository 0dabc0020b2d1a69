package dev.restdatasource.redis;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared scenarios ({@link RedisStoresClusterContract}) on one standalone redis-server, killed and restarted. */
class RedisOutageClusterContractTest extends RedisStoresClusterContract {
    private static RedisTestServer server;

    @BeforeAll
    static void startServer() {
        server = RedisTestServer.started(LoopbackPorts.free(1, 40_000, 45_000, 0).get(0));
    }

    @AfterAll
    static void stopServer() {
        server.kill();
    }

    @Override
    RedisSettings settings() {
        return RedisSettings.of(server.uri());
    }

    @Override
    void killServers() {
        server.kill();
    }

    @Override
    void startServers() {
        server.start();
    }
}

package dev.restdatasource.cluster;

import dev.restdatasource.redis.RedisTestServer;

/**
 * Servers {@code redis-a} (127.0.0.1:9383) and {@code redis-b} (:9483) with restdatasource-redis, configured
 * by {@code src/test/liberty/redis/server.xml}, both clients of one real {@code redis-server} on 127.0.0.1:6879 that this
 * test starts; see {@link ClientCacheTwoServersTest}.
 */
class RedisTwoServersIT extends ClientCacheTwoServersTest {
    @Override
    String backend() {
        return "redis";
    }

    @Override
    AutoCloseable startCacheProcess() {
        return RedisTestServer.started(Integer.getInteger("redis.port"));
    }
}

package dev.restdatasource.cluster;

import dev.restdatasource.memcached.MemcachedTestServer;

/**
 * Servers {@code memcached-a} (127.0.0.1:9382) and {@code memcached-b} (:9482) with restdatasource-memcached, configured
 * by {@code src/test/liberty/memcached/server.xml}, both clients of one real {@code memcached} on 127.0.0.1:11811 that this
 * test starts; see {@link ClientCacheTwoServersTest}.
 */
class MemcachedTwoServersIT extends ClientCacheTwoServersTest {
    @Override
    String backend() {
        return "memcached";
    }

    @Override
    AutoCloseable startCacheProcess() {
        return MemcachedTestServer.startOn(Integer.getInteger("memcached.port"), 1_024);
    }
}

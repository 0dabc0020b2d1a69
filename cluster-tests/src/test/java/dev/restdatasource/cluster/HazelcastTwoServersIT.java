package dev.restdatasource.cluster;

/**
 * Servers {@code hazelcast-a} (127.0.0.1:9380 and 9480) and {@code hazelcast-b} with restdatasource-hazelcast, configured by
 * {@code src/test/liberty/hazelcast/server.xml}; see {@link TwoServerCacheTest}.
 */
class HazelcastTwoServersIT extends TwoServerCacheTest {
    @Override
    String backend() {
        return "hazelcast";
    }
}

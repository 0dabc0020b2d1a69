package dev.restdatasource.cluster;

/**
 * Servers {@code infinispan-a} (127.0.0.1:9381 and 9481) and {@code infinispan-b} with restdatasource-infinispan, configured by
 * {@code src/test/liberty/infinispan/server.xml}; see {@link TwoServerCacheTest}.
 */
class InfinispanTwoServersIT extends TwoServerCacheTest {
    @Override
    String backend() {
        return "infinispan";
    }
}

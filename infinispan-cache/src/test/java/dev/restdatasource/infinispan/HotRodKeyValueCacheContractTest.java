package dev.restdatasource.infinispan;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract kit through the remote mode: a Hot Rod client ({@link InfinispanCaches#remote}) to a real Infinispan
 * Server 16.0.7 running as its own JVM on 127.0.0.1 ({@link InfinispanTestServer}). Expiry is the server's own
 * lifespan, waited for in real time.
 */
class HotRodKeyValueCacheContractTest extends KeyValueCacheContract {
    private static InfinispanKeyValueCache client;

    @BeforeAll
    static void connect() {
        client = InfinispanCaches.remote(InfinispanTestServer.shared().address(), InfinispanTestServer.CACHE);
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    @Override
    protected KeyValueCache newCache() {
        return client;
    }
}

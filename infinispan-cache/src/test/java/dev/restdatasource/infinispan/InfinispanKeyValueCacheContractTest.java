package dev.restdatasource.infinispan;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract kit on one embedded clustered node (JGroups TCP on 127.0.0.1), shared by the tests. */
class InfinispanKeyValueCacheContractTest extends KeyValueCacheContract {
    private static InfinispanKeyValueCache node;

    @BeforeAll
    static void startNode() {
        node = InfinispanCaches.embedded(new TestNodes(1).node(0));
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Override
    protected KeyValueCache newCache() {
        return node;
    }
}

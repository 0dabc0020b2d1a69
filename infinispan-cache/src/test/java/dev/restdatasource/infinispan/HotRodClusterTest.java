package dev.restdatasource.infinispan;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheClusterContract;

/**
 * The cluster scenarios in remote mode, the shape of a real deployment: each "node" is an application server's Hot
 * Rod client ({@link InfinispanCaches#remote}), all of them on one real Infinispan Server (its own JVM on
 * 127.0.0.1, {@link InfinispanTestServer}). So a value written through client A is read through client B, a
 * lifespan expires for every client, and a client leaving loses nothing. The outage is the real one: the server
 * process is stopped (data sources keep answering from the upstream, each failing cache call a miss within the
 * cache timeout) and started again on the same port, where the same client finds it again.
 */
class HotRodClusterTest extends KeyValueCacheClusterContract {
    private final InfinispanKeyValueCache[] clients = new InfinispanKeyValueCache[4];

    private static InfinispanKeyValueCache connect() {
        return InfinispanCaches.remote(InfinispanTestServer.shared().address(), InfinispanTestServer.CACHE);
    }

    @Override
    protected KeyValueCache startNode(int index) {
        clients[index] = connect();
        return clients[index];
    }

    @Override
    protected void stopNode(int index) throws Exception {
        clients[index].close();
        clients[index] = null;
    }

    @Override
    protected KeyValueCache startOutageScenario() {
        clients[3] = connect();
        return clients[3];
    }

    @Override
    protected void takeEveryCacheNodeDown() {
        InfinispanTestServer.shared().stop();
    }

    @Override
    protected void bringACacheNodeBack() {
        InfinispanTestServer.shared().start();
    }

    @Override
    protected void stopEverything() throws Exception {
        for (int i = 0; i < clients.length; i++) {
            if (clients[i] != null) {
                clients[i].close();
                clients[i] = null;
            }
        }
        InfinispanTestServer.shared(); // restarts the server if a failed outage test left it down
    }
}

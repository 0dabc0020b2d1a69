package dev.restdatasource.hazelcast;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheClusterContract;

/**
 * The cluster scenarios on embedded members in this JVM (127.0.0.1, distinct ports, one backup). The outage
 * scenario is the client mode: a client store on two members, both shut down, then one started again on
 * its old port; the client reconnects on its own.
 */
class HazelcastClusterTest extends KeyValueCacheClusterContract {
    private final TestMembers members = new TestMembers(3);
    private final HazelcastKeyValueCache[] started = new HazelcastKeyValueCache[3];
    private HazelcastKeyValueCache client;

    @Override
    protected KeyValueCache startNode(int index) {
        started[index] = HazelcastCaches.member(members.member(index));
        return started[index];
    }

    @Override
    protected void stopNode(int index) {
        started[index].close();
        started[index] = null;
    }

    @Override
    protected KeyValueCache startOutageScenario() {
        startNode(0);
        startNode(1);
        client = HazelcastCaches.client(members.clusterName(), members.addresses(), HazelcastCaches.DEFAULT_MAP_NAME);
        return client;
    }

    @Override
    protected void takeEveryCacheNodeDown() {
        stopNode(1);
        stopNode(0);
    }

    @Override
    protected void bringACacheNodeBack() {
        startNode(0);
    }

    @Override
    protected void stopEverything() {
        if (client != null) {
            client.close();
            client = null;
        }
        for (int i = 0; i < started.length; i++) {
            if (started[i] != null) {
                stopNode(i);
            }
        }
    }
}

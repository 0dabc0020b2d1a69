package dev.restdatasource.infinispan;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheClusterContract;
import java.util.ArrayList;
import java.util.List;
import org.infinispan.Cache;
import org.infinispan.configuration.parsing.ParserRegistry;
import org.infinispan.manager.DefaultCacheManager;

/**
 * The cluster scenarios on embedded nodes in this JVM (127.0.0.1, distinct ports, two owners). In embedded
 * mode the cache nodes are the application's own members, so the outage takes the distributed cache down on
 * every member ({@link Cache#stop()}) and brings it back on one ({@link Cache#start()}), under the same store.
 */
class InfinispanClusterTest extends KeyValueCacheClusterContract {
    private final TestNodes nodes = new TestNodes(3);
    private final InfinispanKeyValueCache[] started = new InfinispanKeyValueCache[3];
    private final List<DefaultCacheManager> managers = new ArrayList<>();
    private final List<Cache<String, byte[]>> outageCaches = new ArrayList<>();

    @Override
    protected KeyValueCache startNode(int index) {
        started[index] = InfinispanCaches.embedded(nodes.node(index));
        return started[index];
    }

    @Override
    protected void stopNode(int index) throws Exception {
        started[index].close();
        started[index] = null;
    }

    @Override
    protected KeyValueCache startOutageScenario() {
        for (int i = 0; i < 2; i++) {
            InfinispanNodeSettings settings = nodes.node(i);
            DefaultCacheManager manager = new DefaultCacheManager(new ParserRegistry().parse(settings.toXml()), true);
            managers.add(manager);
            outageCaches.add(manager.getCache(settings.cacheName()));
        }
        return InfinispanKeyValueCache.of(outageCaches.get(0));
    }

    @Override
    protected void takeEveryCacheNodeDown() {
        for (int i = outageCaches.size() - 1; i >= 0; i--) {
            outageCaches.get(i).stop();
        }
    }

    @Override
    protected void bringACacheNodeBack() {
        outageCaches.get(0).start();
    }

    @Override
    protected void stopEverything() throws Exception {
        for (int i = 0; i < started.length; i++) {
            if (started[i] != null) {
                started[i].close();
                started[i] = null;
            }
        }
        for (DefaultCacheManager manager : managers) {
            manager.stop();
        }
        managers.clear();
    }
}

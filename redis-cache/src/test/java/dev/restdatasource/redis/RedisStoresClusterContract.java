package dev.restdatasource.redis;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheClusterContract;
import java.time.Duration;

/**
 * The shared cluster scenarios in the shape of a real Redis deployment: each "node" is an application server's store
 * (its own Lettuce client) on the same Redis, so a value written through A is read through B, a ttl expires for all,
 * and a store leaving loses nothing. The outage is the real one: the subclass kills its redis-server processes
 * (SIGKILL) while data sources keep answering from the upstream within the cache timeout, then starts them again on
 * the same ports, where the same store finds them again through Lettuce's auto-reconnect.
 */
abstract class RedisStoresClusterContract extends KeyValueCacheClusterContract {
    private final RedisKeyValueCache[] stores = new RedisKeyValueCache[4];

    /** The settings every store connects with (before the short test limits are applied). */
    abstract RedisSettings settings();

    /** Kills every redis-server process. */
    abstract void killServers();

    /** Starts every redis-server process that is not running, and waits until it serves. */
    abstract void startServers();

    /** A store with {@code timeout} for connecting and for each command. */
    private RedisKeyValueCache connect(Duration timeout) {
        return RedisCaches.connect(settings().withLimits(timeout, timeout, 1_000));
    }

    /** Generous limits: these nodes are healthy, and a busy machine must not turn a slow command into a failure. */
    @Override
    protected KeyValueCache startNode(int index) {
        stores[index] = connect(Duration.ofSeconds(10));
        return stores[index];
    }

    @Override
    protected void stopNode(int index) {
        stores[index].close();
        stores[index] = null;
    }

    @Override
    protected KeyValueCache startOutageScenario() {
        stores[3] = connect(Duration.ofMillis(500)); // short: the outage is what this store is for
        return stores[3];
    }

    @Override
    protected void takeEveryCacheNodeDown() {
        killServers();
    }

    @Override
    protected void bringACacheNodeBack() {
        startServers();
    }

    @Override
    protected void stopEverything() {
        for (int i = 0; i < stores.length; i++) {
            if (stores[i] != null) {
                stopNode(i);
            }
        }
        startServers(); // a failed outage test may have left them down
    }
}

package dev.restdatasource.cache.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.cache.KeyValueCache;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The outage scenario every networked store must survive, through the engine: a data source on a
 * {@link CountingUpstream} is served from the store; while the store's servers are down, 10 calls all answer 200 from
 * the upstream, each within 5 s (the cache timeout is {@link #CACHE_TIMEOUT}); once a server is back, the cache is
 * used again without rebuilding the store (bounded poll). Stateless.
 */
public final class StoreOutage {
    /** The cache timeout of the data sources in the scenario. */
    public static final Duration CACHE_TIMEOUT = Duration.ofMillis(200);
    /** How long a poll waits for a condition that should become true. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private StoreOutage() {
    }

    /** One step of the scenario the caller performs: taking the servers down, bringing one back. */
    @FunctionalInterface
    public interface Step {
        /** Performs the step; returns when it is done. */
        void run() throws Exception;
    }

    /** Runs the scenario on {@code store}; {@code takeDown} and {@code bringBack} act on its servers. */
    public static void run(KeyValueCache store, Step takeDown, Step bringBack) throws Exception {
        try (CountingUpstream upstream = CountingUpstream.start()) {
            DataSourceConfig config = DataSourceConfig.builder().cache(store).cacheTimeout(CACHE_TIMEOUT).build();
            String id = UUID.randomUUID().toString();
            assertFalse(movie(config, upstream, id).fromCache(), "the first call goes upstream");
            poll(() -> movie(config, upstream, id).fromCache(), "the answer is served from the cache");

            takeDown.run();
            int before = upstream.requests();
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                DataSourceResponse r = movie(config, upstream, id);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(200, r.status());
                assertFalse(r.fromCache(), "no cache server: answered by the upstream");
                // 5 s: 25 times the cache timeout, far below the clients' own (Hazelcast 120 s, Hot Rod 60 s)
                assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0,
                        "a dead cache costs at most about the cache timeout, took " + took);
            }
            assertEquals(before + 10, upstream.requests(), "every call during the outage went upstream");

            bringBack.run();
            poll(() -> movie(config, upstream, id).fromCache(), "the cache is used again once a server is back");
        }
    }

    /** Polls {@code condition} every 100 ms for at most {@link #PATIENCE}; fails with {@code what}. */
    public static void poll(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail(what + ": not within " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }

    private static DataSourceResponse movie(DataSourceConfig config, CountingUpstream upstream, String id) {
        return new MoviesSource(config, upstream.url()).movie(id);
    }
}

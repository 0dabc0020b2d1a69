package dev.restdatasource.cache.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a clustered {@link KeyValueCache} must show on 127.0.0.1, for backend modules to extend: values are
 * shared between nodes, expiry holds on every node, a leaving member loses nothing the remaining owners hold,
 * data sources survive an outage of every cache node and use the cache again once it is back, and entries
 * written by the engine through another store are served as they are (the bytes are the engine's codec).
 *
 * <p>The subclass starts and stops nodes by index (0, 1, 2) with stable loopback ports, and owns the outage
 * scenario. Every node it starts must be stopped by {@link #stopEverything()}, which runs after each test
 * (also after a failure). Waits are bounded polls.
 */
public abstract class KeyValueCacheClusterContract {
    /** How long a poll waits for a condition that should become true. */
    protected static final Duration PATIENCE = StoreOutage.PATIENCE;

    /** The cache timeout of the data sources in the outage scenario. */
    protected static final Duration CACHE_TIMEOUT = StoreOutage.CACHE_TIMEOUT;

    private final String prefix = "cluster-" + UUID.randomUUID() + ":";

    /**
     * Starts node {@code index} of a cluster with two owners per entry on 127.0.0.1 and returns its store.
     * Nodes started one after the other join each other.
     */
    protected abstract KeyValueCache startNode(int index) throws Exception;

    /** Stops node {@code index} gracefully (a member leaving). */
    protected abstract void stopNode(int index) throws Exception;

    /**
     * Starts what the outage scenario needs and returns the store data sources use: a store whose cache nodes
     * {@link #takeEveryCacheNodeDown()} can all take down and {@link #bringACacheNodeBack()} can bring back.
     */
    protected abstract KeyValueCache startOutageScenario() throws Exception;

    /** Takes every cache node of the outage scenario down; the store's calls then fail or hang. */
    protected abstract void takeEveryCacheNodeDown() throws Exception;

    /** Brings one cache node back; the outage scenario's store must be able to use it without a rebuild. */
    protected abstract void bringACacheNodeBack() throws Exception;

    /** Stops every node and client still running; called after each test. Must not throw when none runs. */
    protected abstract void stopEverything() throws Exception;

    @AfterEach
    final void stopEverythingAfterEachTest() throws Exception {
        stopEverything();
    }

    @Test
    void aValueWrittenOnOneNodeIsReadOnTheOther() throws Exception {
        KeyValueCache a = startNode(0);
        KeyValueCache b = startNode(1);
        await(a.set(key("shared"), bytes("from A"), null));
        assertArrayEquals(bytes("from A"), await(b.get(key("shared"))), "written on A, read on B");
        assertTrue(await(b.delete(key("shared"))), "deleted on B");
        assertNull(await(a.get(key("shared"))), "the delete on B is seen on A");
    }

    @Test
    void ttlExpiresOnEveryNode() throws Exception {
        KeyValueCache a = startNode(0);
        KeyValueCache b = startNode(1);
        await(a.set(key("long"), bytes("w"), Duration.ofHours(1)));
        BeforeExpiry.Seen seen = BeforeExpiry.writeAndSee(key("short"), Duration.ofSeconds(1), bytes("v"), (k, ttl) -> {
            await(a.set(k, bytes("v"), ttl));
            return await(b.get(k));
        }, "written on A, present on B before its ttl");
        poll(() -> await(a.get(seen.key())) == null && await(b.get(seen.key())) == null,
                "the " + seen.ttl() + " entry expires on A and on B");
        assertArrayEquals(bytes("w"), await(a.get(key("long"))), "the 1 h entry is still on A");
        assertArrayEquals(bytes("w"), await(b.get(key("long"))), "the 1 h entry is still on B");
    }

    @Test
    void aMemberLeavingLosesNothingTheRemainingOwnersHold() throws Exception {
        KeyValueCache a = startNode(0);
        KeyValueCache b = startNode(1);
        startNode(2);
        int count = 200;
        for (int i = 0; i < count; i++) {
            await(a.set(key("k" + i), bytes("v" + i), null));
        }
        stopNode(2);
        for (int i = 0; i < count; i++) {
            assertArrayEquals(bytes("v" + i), await(a.get(key("k" + i))), "k" + i + " on A after C left");
            assertArrayEquals(bytes("v" + i), await(b.get(key("k" + i))), "k" + i + " on B after C left");
        }
    }

    @Test
    void dataSourcesAnswerFromUpstreamWhileEveryCacheNodeIsDownAndUseTheCacheOnceOneIsBack() throws Exception {
        StoreOutage.run(startOutageScenario(), this::takeEveryCacheNodeDown, this::bringACacheNodeBack);
    }

    /** Point 6 of issue 4: the engine's entries are opaque bytes; a copy in another store is served as is. */
    @Test
    void anEntryWrittenThroughAnotherStoreIsServedFromThisOneByteForByte() throws Exception {
        KeyValueCache backend = startNode(0);
        Map<String, byte[]> written = new LinkedHashMap<>();
        KeyValueCache recording = new Recording(InMemoryKeyValueCache.create(), written);
        try (CountingUpstream upstream = CountingUpstream.start()) {
            DataSourceConfig inMemory = DataSourceConfig.builder().cache(recording).build();
            String id = UUID.randomUUID().toString();
            movie(inMemory, upstream, id);
            poll(() -> movie(inMemory, upstream, id).fromCache(), "the in-memory store serves the entry");
            assertFalse(written.isEmpty(), "the engine wrote an entry");
            synchronized (written) {
                for (Map.Entry<String, byte[]> e : written.entrySet()) {
                    await(backend.set(e.getKey(), e.getValue(), null));
                    assertArrayEquals(e.getValue(), await(backend.get(e.getKey())), "the same bytes back");
                }
            }
            int before = upstream.requests();
            DataSourceConfig onBackend = DataSourceConfig.builder().cache(backend).cacheTimeout(Duration.ofSeconds(5))
                    .build();
            DataSourceResponse r = movie(onBackend, upstream, id);
            assertTrue(r.fromCache(), "served from the copied entry, without migration");
            assertEquals(CountingUpstream.body(id), r.bodyAsString());
            assertEquals(before, upstream.requests(), "no upstream request");
        }
    }

    private static DataSourceResponse movie(DataSourceConfig config, CountingUpstream upstream, String id) {
        return new MoviesSource(config, upstream.url()).movie(id);
    }

    /** A store key unique to this test instance. */
    protected final String key(String name) {
        return prefix + name;
    }

    /** Waits for {@code stage} at most {@link KeyValueCacheContract#AWAIT}. */
    protected static <T> T await(CompletionStage<T> stage) {
        return KeyValueCacheContract.await(stage, "store call");
    }

    /** Polls {@code condition} every 100 ms for at most {@link #PATIENCE}; fails with {@code what}. */
    protected static void poll(BooleanSupplier condition, String what) throws InterruptedException {
        StoreOutage.poll(condition, what);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Records every value set through it (the last one per key), then delegates. */
    private static final class Recording implements KeyValueCache {
        private final KeyValueCache delegate;
        private final Map<String, byte[]> written;

        Recording(KeyValueCache delegate, Map<String, byte[]> written) {
            this.delegate = delegate;
            this.written = written;
        }

        @Override
        public CompletionStage<byte[]> get(String key) {
            return delegate.get(key);
        }

        @Override
        public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
            synchronized (written) {
                written.put(key, value.clone());
            }
            return delegate.set(key, value, ttl);
        }

        @Override
        public CompletionStage<Boolean> delete(String key) {
            return delegate.delete(key);
        }
    }
}

package dev.restdatasource.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A store that may block whose warm-up was started (as the backends' CDI switch does when the application starts) is
 * cold until the warm-up read ends: meanwhile reads are misses at once, without waiting for the timeout, writes wait
 * for the end of the warm-up, and invalidations still reach it. The warm-up read is held by the test until it lets it
 * go, so nothing here depends on timing.
 */
class ColdStoreTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(1); // a hang guard: the cold answers come at once anyway

    /** A store on the in-memory one that holds the warm-up read until {@link #warm} completes, and records each call. */
    private static final class ColdStore implements KeyValueCache {
        final InMemoryKeyValueCache memory = InMemoryKeyValueCache.create();
        final CompletableFuture<byte[]> warm = new CompletableFuture<>();
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<byte[]> get(String key) {
            calls.add("get " + key);
            return key.equals(StoreWarmUp.KEY) ? warm : memory.get(key);
        }

        @Override
        public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
            calls.add("set " + key);
            return memory.set(key, value, ttl);
        }

        @Override
        public CompletionStage<Boolean> delete(String key) {
            calls.add("delete " + key);
            return memory.delete(key);
        }
    }

    @Test
    void whileColdReadsAreMissesAtOnceWritesWaitAndInvalidationsGoThrough() {
        ColdStore store = new ColdStore();
        store.memory.set("k", new byte[] {1}, null);
        KeyValueCache cache = coldWrapper(store);
        awaitCall(store, "get " + StoreWarmUp.KEY);

        CompletableFuture<byte[]> read = cache.get("k").toCompletableFuture();
        assertTrue(read.isDone(), "a cold store's read is answered at once");
        assertNull(read.join());
        CompletableFuture<Void> write = cache.set("other", new byte[] {2}, null).toCompletableFuture();
        assertFalse(cache.delete("gone").toCompletableFuture().join());
        assertEquals(List.of("get " + StoreWarmUp.KEY, "delete gone"), store.calls);
        assertFalse(write.isDone(), "the write waits for the end of the warm-up");

        store.warm.complete(null);
        write.join();
        assertArrayEquals(new byte[] {2}, store.memory.get("other").toCompletableFuture().join());
    }

    @Test
    void onceTheWarmUpReadEndsCallsGoToTheStore() {
        ColdStore store = new ColdStore();
        store.memory.set("k", new byte[] {1}, null);
        KeyValueCache cache = coldWrapper(store);
        awaitCall(store, "get " + StoreWarmUp.KEY);

        store.warm.complete(null);
        StoreWarmUp.of(store).join(); // the pool thread may attach its callback after the test completed the read
        assertArrayEquals(new byte[] {1}, cache.get("k").toCompletableFuture().join());
    }

    @Test
    void aFailedWarmUpReadEndsTheColdPhaseToo() {
        ColdStore store = new ColdStore();
        store.memory.set("k", new byte[] {1}, null);
        KeyValueCache cache = coldWrapper(store);
        awaitCall(store, "get " + StoreWarmUp.KEY);

        store.warm.completeExceptionally(new IllegalStateException("still joining"));
        StoreWarmUp.of(store).join();
        assertArrayEquals(new byte[] {1}, cache.get("k").toCompletableFuture().join());
    }

    @Test
    void eachStoreIsWarmedUpOnce() {
        ColdStore store = new ColdStore();
        ErrorsAreMissesKeyValueCache.warmUp(store);
        ErrorsAreMissesKeyValueCache.warmUp(store);
        ErrorsAreMissesKeyValueCache.warmingUp(store, TIMEOUT);
        awaitCall(store, "get " + StoreWarmUp.KEY);
        store.warm.complete(null);
        assertEquals(List.of("get " + StoreWarmUp.KEY), store.calls);
    }

    @Test
    void aStoreNobodyWarmsUpIsCalledAtOnce() {
        ColdStore store = new ColdStore();
        store.memory.set("k", new byte[] {1}, null);
        KeyValueCache cache = ErrorsAreMissesKeyValueCache.warmingUp(store, TIMEOUT);
        assertArrayEquals(new byte[] {1}, cache.get("k").toCompletableFuture().join());
        assertEquals(List.of("get k"), store.calls);
    }

    @Test
    void aStoreThatNeverBlocksIsNotWarmedUp() {
        InMemoryKeyValueCache memory = InMemoryKeyValueCache.create();
        memory.set("k", new byte[] {1}, null);
        ErrorsAreMissesKeyValueCache.warmUp(memory);
        KeyValueCache cache = ErrorsAreMissesKeyValueCache.warmingUp(memory, TIMEOUT);
        assertArrayEquals(new byte[] {1}, cache.get("k").toCompletableFuture().join());
        assertSame(null, memory.get(StoreWarmUp.KEY).toCompletableFuture().join());
    }

    /** The data sources' wrapper of {@code store} after its warm-up started, as at application start. */
    private static KeyValueCache coldWrapper(ColdStore store) {
        ErrorsAreMissesKeyValueCache.warmUp(store);
        return ErrorsAreMissesKeyValueCache.warmingUp(store, TIMEOUT);
    }

    /** Waits (a minute at most, as a hang guard) until the store pool made {@code call}. */
    private static void awaitCall(ColdStore store, String call) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!store.calls.contains(call)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the store never got " + call + ": " + store.calls);
            }
            Thread.onSpinWait();
        }
    }
}

package dev.restdatasource.store;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.internal.support.MutableClock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class InMemoryKeyValueCacheTest {
    private static final long BOUND = 64 * 1024;
    private final MutableClock time = new MutableClock();
    private final InMemoryKeyValueCache cache = new InMemoryKeyValueCache(BOUND, time::nanoTime);

    private static <T> T now(CompletionStage<T> stage) {
        assertTrue(stage.toCompletableFuture().isDone(), "the in-memory store answers at once");
        return stage.toCompletableFuture().join();
    }

    @Test
    void defaultBoundIs64MiB() {
        assertEquals(64L * 1024 * 1024, InMemoryKeyValueCache.create().maxBytes());
        assertEquals(1234, InMemoryKeyValueCache.create(1234).maxBytes());
    }

    @Test
    void nonPositiveBoundIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> InMemoryKeyValueCache.create(0));
        assertThrows(IllegalArgumentException.class, () -> InMemoryKeyValueCache.create(-1));
    }

    @Test
    void weightCountsValueBytesTwoBytesPerKeyCharAndOverhead() {
        now(cache.set("abc", new byte[100], null));
        assertEquals(100 + 6 + InMemoryKeyValueCache.ENTRY_OVERHEAD_BYTES, cache.weightedSizeBytes());
    }

    @Test
    void fillingBeyondTheBoundKeepsTheWeightWithinIt() {
        for (int i = 0; i < 200; i++) {
            now(cache.set("key-" + i, new byte[1024], null));
            assertTrue(cache.weightedSizeBytes() <= BOUND, "after " + (i + 1) + " KiB: " + cache.weightedSizeBytes());
        }
        assertTrue(cache.weightedSizeBytes() > BOUND / 2, "the cache is not emptied, only trimmed");
    }

    /** As in Apollo (§14.5): a value bigger than the bound is not stored. */
    @Test
    void valueLargerThanTheBoundIsNotStoredAndRemovesTheOldValue() {
        now(cache.set("k", new byte[] {1}, null));
        now(cache.set("k", new byte[(int) BOUND], null));
        assertNull(now(cache.get("k")));
        assertEquals(0, cache.weightedSizeBytes());
    }

    @Test
    void valueJustWithinTheBoundIsStored() {
        int fits = (int) (BOUND - InMemoryKeyValueCache.weigh("k", 0));
        now(cache.set("k", new byte[fits], null));
        assertEquals(fits, now(cache.get("k")).length);
    }

    @Test
    void entryIsPresentUntilItsTtlAndGoneAtIt() {
        now(cache.set("k", new byte[] {7}, Duration.ofSeconds(10)));
        time.advance(Duration.ofSeconds(10).minusNanos(1));
        assertArrayEquals(new byte[] {7}, now(cache.get("k")));
        time.advance(Duration.ofNanos(1));
        assertNull(now(cache.get("k")));
        assertFalse(now(cache.delete("k")), "an expired entry is not reported as removed");
    }

    @Test
    void readingDoesNotExtendTheTtl() {
        now(cache.set("k", new byte[] {7}, Duration.ofSeconds(10)));
        for (int i = 0; i < 9; i++) {
            time.advance(Duration.ofSeconds(1));
            now(cache.get("k"));
        }
        time.advance(Duration.ofSeconds(1));
        assertNull(now(cache.get("k")));
    }

    @Test
    void nullTtlSurvivesCenturies() {
        now(cache.set("k", new byte[] {7}, null));
        now(cache.set("huge", new byte[] {8}, Duration.ofSeconds(Long.MAX_VALUE)));
        time.advance(Duration.ofDays(365 * 100));
        assertArrayEquals(new byte[] {7}, now(cache.get("k")));
        assertArrayEquals(new byte[] {8}, now(cache.get("huge")), "a ttl too long for nanoseconds saturates");
    }

    @Test
    void zeroOrNegativeTtlStoresNothingAndRemovesTheOldValue() {
        now(cache.set("zero", new byte[] {1}, null));
        now(cache.set("zero", new byte[] {2}, Duration.ZERO));
        now(cache.set("negative", new byte[] {1}, null));
        now(cache.set("negative", new byte[] {2}, Duration.ofSeconds(-1)));
        assertNull(now(cache.get("zero")));
        assertNull(now(cache.get("negative")));
    }

    @Test
    void clearRemovesEverything() {
        now(cache.set("a", new byte[10], null));
        now(cache.set("b", new byte[10], null));
        cache.clear();
        assertNull(now(cache.get("a")));
        assertEquals(0, cache.weightedSizeBytes());
    }

    @Test
    void nullKeyOrValueIsRejectedAtOnce() {
        assertThrows(NullPointerException.class, () -> cache.get(null));
        assertThrows(NullPointerException.class, () -> cache.set(null, new byte[0], null));
        assertThrows(NullPointerException.class, () -> cache.set("k", null, null));
        assertThrows(NullPointerException.class, () -> cache.delete(null));
    }
}

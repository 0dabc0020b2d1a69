package dev.restdatasource.store;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.internal.support.MutableClock;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JCacheKeyValueCacheTest {
    private final MutableClock time = new MutableClock();
    private final CacheManager manager = JCacheFixture.newManager();
    private final Cache<String, byte[]> raw = JCacheFixture.newCache(manager, JCacheFixture.uniqueName());
    private final JCacheKeyValueCache cache = new JCacheKeyValueCache(raw, time);

    @AfterEach
    void close() {
        manager.close();
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static long expiryOf(byte[] stored) {
        return ByteBuffer.wrap(stored).getLong();
    }

    @Test
    void storedValueIsPrefixedWithItsExpiryInEpochMillis() {
        join(cache.set("k", new byte[] {1, 2, 3}, Duration.ofSeconds(30)));
        byte[] stored = raw.get("k");
        assertEquals(8 + 3, stored.length);
        assertEquals(time.millis() + 30_000, expiryOf(stored));
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOfRange(stored, 8, stored.length));
    }

    @Test
    void nullTtlIsStoredAsNeverExpiring() {
        join(cache.set("k", new byte[] {1}, null));
        assertEquals(Long.MAX_VALUE, expiryOf(raw.get("k")));
    }

    @Test
    void ttlTooLongForTheClockSaturatesToNever() {
        join(cache.set("k", new byte[] {1}, Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(Long.MAX_VALUE, expiryOf(raw.get("k")));
    }

    @Test
    void subMillisecondTtlRoundsUpSoTheValueIsReadableAtOnce() {
        join(cache.set("k", new byte[] {1}, Duration.ofNanos(1)));
        assertArrayEquals(new byte[] {1}, join(cache.get("k")));
        time.advance(Duration.ofMillis(1));
        assertNull(join(cache.get("k")));
    }

    @Test
    void expiredValueIsAbsentAndRemovedFromTheCache() {
        join(cache.set("k", new byte[] {1}, Duration.ofSeconds(5)));
        time.advance(Duration.ofSeconds(5).minusMillis(1));
        assertArrayEquals(new byte[] {1}, join(cache.get("k")));
        time.advance(Duration.ofMillis(1));
        assertNull(join(cache.get("k")));
        assertFalse(raw.containsKey("k"), "the expired value was removed");
    }

    @Test
    void deleteOfAnExpiredValueReportsNothingRemoved() {
        join(cache.set("k", new byte[] {1}, Duration.ofSeconds(5)));
        time.advance(Duration.ofSeconds(6));
        assertFalse(join(cache.delete("k")));
        assertFalse(raw.containsKey("k"));
    }

    @Test
    void valueTooShortForThePrefixIsAMiss() {
        raw.put("short", new byte[] {1, 2, 3, 4, 5, 6, 7});
        raw.put("empty", new byte[0]);
        assertNull(join(cache.get("short")));
        assertNull(join(cache.get("empty")));
        assertFalse(join(cache.delete("short")), "a foreign value is not reported as a removed entry");
    }

    @Test
    void exactlyThePrefixIsAnEmptyValue() {
        raw.put("k", JCacheKeyValueCache.encode(Long.MAX_VALUE, new byte[0]));
        assertArrayEquals(new byte[0], join(cache.get("k")));
    }

    @Test
    void zeroOrNegativeTtlRemovesTheOldValue() {
        join(cache.set("k", new byte[] {1}, null));
        join(cache.set("k", new byte[] {2}, Duration.ZERO));
        assertFalse(raw.containsKey("k"));
        join(cache.set("k", new byte[] {1}, null));
        join(cache.set("k", new byte[] {2}, Duration.ofMillis(-1)));
        assertFalse(raw.containsKey("k"));
    }

    @Test
    void withAnExecutorEveryCallRunsOnIt() {
        AtomicInteger ran = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            JCacheKeyValueCache async = new JCacheKeyValueCache(raw, time, task -> {
                ran.incrementAndGet();
                pool.execute(task);
            });
            join(async.set("k", new byte[] {4}, null));
            assertArrayEquals(new byte[] {4}, join(async.get("k")));
            assertTrue(join(async.delete("k")));
            assertEquals(3, ran.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectedExecutorTaskFailsTheStageInsteadOfThrowing() {
        JCacheKeyValueCache rejecting = new JCacheKeyValueCache(raw, task -> {
            throw new RejectedExecutionException("full");
        });
        CompletionStage<byte[]> stage = rejecting.get("k");
        CompletionException failure = assertThrows(CompletionException.class, () -> join(stage));
        assertTrue(failure.getCause() instanceof RejectedExecutionException);
    }

    @Test
    void closedCacheFailsTheStageInsteadOfThrowing() {
        manager.close();
        CompletionStage<byte[]> stage = cache.get("k");
        assertThrows(CompletionException.class, () -> join(stage));
    }
}

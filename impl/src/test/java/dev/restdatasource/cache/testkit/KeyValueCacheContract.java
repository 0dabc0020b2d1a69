package dev.restdatasource.cache.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.restdatasource.cache.KeyValueCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KeyValueCache} must show. A backend module extends this class, implements
 * {@link #newCache()} and, if its time can be faked, overrides {@link #elapse(Duration)}.
 *
 * <p>Each test gets a fresh cache from {@link #newCache()} and a random key prefix ({@link #key(String)}),
 * so several runs can share one cluster without colliding; the kit keeps no static state. Every stage is
 * awaited for at most {@link #AWAIT} and a stage that does not complete fails the test with the call named.
 */
public abstract class KeyValueCacheContract {
    /** The longest any single call may take. */
    protected static final Duration AWAIT = Duration.ofSeconds(10);

    /** How long an expired entry may still read as present before a test fails: a hang guard, not a timing. */
    protected static final Duration EXPIRY_PATIENCE = Duration.ofSeconds(60);

    /** Extra time waited past a ttl, for clocks that tick coarsely. */
    protected static final Duration MARGIN = Duration.ofMillis(200);

    private KeyValueCache cache;
    private String prefix;

    /** A new, empty-for-this-test store. Called before each test. */
    protected abstract KeyValueCache newCache();

    /** Releases what {@link #newCache()} made; called after each test. The default does nothing. */
    protected void closeCache(KeyValueCache cache) throws Exception {
    }

    /**
     * Lets {@code duration} pass for the store's clock. The default sleeps; backends with a fake clock
     * advance it instead.
     */
    protected void elapse(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting " + duration);
        }
    }

    /** The ttl used by the expiry tests; backends whose expiry is coarse may lengthen it. Default 1 s. */
    protected Duration shortTtl() {
        return Duration.ofSeconds(1);
    }

    @BeforeEach
    final void openContractCache() {
        cache = newCache();
        assertNotNull(cache, "newCache() returned null");
        prefix = "kvc-" + UUID.randomUUID() + ":";
    }

    @AfterEach
    final void closeContractCache() throws Exception {
        closeCache(cache);
    }

    /** The store under test. */
    protected final KeyValueCache cache() {
        return cache;
    }

    /** {@code name} made unique to this test run. */
    protected final String key(String name) {
        return prefix + name;
    }

    /** Waits for {@code stage} at most {@link #AWAIT}; {@code call} names it in failure messages. */
    protected static <T> T await(CompletionStage<T> stage, String call) {
        assertNotNull(stage, call + " returned a null stage");
        CompletableFuture<T> done = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                done.complete(value);
            } else {
                done.completeExceptionally(failure);
            }
        });
        try {
            return done.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail(call + " did not complete within " + AWAIT);
        } catch (ExecutionException e) {
            return fail(call + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + call);
        }
    }

    protected final byte[] get(String key) {
        return await(cache.get(key), "get(" + abbreviate(key) + ")");
    }

    protected final void set(String key, byte[] value, Duration ttl) {
        await(cache.set(key, value, ttl), "set(" + abbreviate(key) + ", " + value.length + " bytes, " + ttl + ")");
    }

    protected final boolean delete(String key) {
        Boolean removed = await(cache.delete(key), "delete(" + abbreviate(key) + ")");
        assertNotNull(removed, "delete(" + abbreviate(key) + ") completed with null instead of true/false");
        return removed;
    }

    /**
     * Polls until {@code key} reads as absent, for backends that expire in the background; gives up after
     * {@link #EXPIRY_PATIENCE}, a hang guard that a busy machine does not reach.
     */
    protected final void assertEventuallyAbsent(String key, String message) {
        long deadline = System.nanoTime() + EXPIRY_PATIENCE.toNanos();
        while (get(key) != null) {
            if (System.nanoTime() - deadline > 0) {
                fail(message + " (still present " + EXPIRY_PATIENCE + " later)");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + abbreviate(key) + " to expire");
            }
        }
    }

    private static String abbreviate(String key) {
        return key.length() <= 80 ? key : key.substring(0, 77) + "...";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void absentKeyReadsAsNull() {
        assertNull(get(key("never-set")));
    }

    @Test
    void setThenGetReturnsEqualBytes() {
        set(key("k"), bytes("hello"), null);
        assertArrayEquals(bytes("hello"), get(key("k")));
    }

    @Test
    void setOverwritesTheOldValue() {
        set(key("k"), bytes("first"), null);
        set(key("k"), bytes("second, longer"), null);
        assertArrayEquals(bytes("second, longer"), get(key("k")));
    }

    @Test
    void deleteReturnsTrueThenFalse() {
        set(key("k"), bytes("v"), null);
        assertTrue(delete(key("k")), "the first delete removes the value");
        assertNull(get(key("k")), "a deleted key reads as absent");
        assertFalse(delete(key("k")), "the second delete finds nothing");
    }

    @Test
    void deleteOfAbsentKeyReturnsFalse() {
        assertFalse(delete(key("never-set")));
    }

    /** As in Apollo (§14.7): a positive ttl expires the entry; expired entries are not returned. */
    @Test
    void entryExpiresAfterItsTtl() throws Exception {
        BeforeExpiry.Seen seen = BeforeExpiry.writeAndSee(key("k"), shortTtl(), bytes("v"), (k, ttl) -> {
            set(k, bytes("v"), ttl);
            return get(k);
        }, "present before its ttl");
        elapse(seen.ttl().plus(MARGIN));
        assertEventuallyAbsent(seen.key(), "expired after " + seen.ttl());
    }

    @Test
    void nullTtlDoesNotExpire() {
        set(key("forever"), bytes("v"), null);
        set(key("long"), bytes("w"), Duration.ofHours(1));
        set(key("short"), bytes("x"), shortTtl());
        elapse(shortTtl().plus(MARGIN));
        assertEventuallyAbsent(key("short"), "the short-lived entry expires");
        assertArrayEquals(bytes("v"), get(key("forever")), "a null ttl never expires");
        assertArrayEquals(bytes("w"), get(key("long")), "a 1 h ttl has not expired");
    }

    @Test
    void laterSetReplacesTheTtl() {
        set(key("extended"), bytes("old"), shortTtl());
        set(key("extended"), bytes("new"), null);
        set(key("shortened"), bytes("old"), null);
        set(key("shortened"), bytes("new"), shortTtl());
        elapse(shortTtl().plus(MARGIN));
        assertEventuallyAbsent(key("shortened"), "a set with a ttl replaces the earlier no-expiry");
        assertArrayEquals(bytes("new"), get(key("extended")), "a set without ttl replaces the earlier ttl");
    }

    @Test
    void everyByteValueAndTheEmptyValueRoundTrip() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        set(key("all"), all, null);
        set(key("empty"), new byte[0], null);
        assertArrayEquals(all, get(key("all")));
        byte[] empty = get(key("empty"));
        assertNotNull(empty, "an empty value is a value, not an absence");
        assertEquals(0, empty.length);
    }

    @Test
    void oneMebibyteValueRoundTrips() {
        byte[] big = new byte[1 << 20];
        new Random(42).nextBytes(big);
        set(key("big"), big, null);
        assertArrayEquals(big, get(key("big")));
    }

    @Test
    void awkwardKeysWork() {
        List<String> keys = List.of(
                key("with spaces in it"),
                key("with:colons:and::double"),
                key("unicode-ключ-鍵-🔑-é"),
                key("x".repeat(1_000)),
                key("tab\tnewline\nslash/back\\percent%20quote\"star*"));
        for (int i = 0; i < keys.size(); i++) {
            set(keys.get(i), bytes("value " + i), null);
        }
        for (int i = 0; i < keys.size(); i++) {
            assertArrayEquals(bytes("value " + i), get(keys.get(i)), "key #" + i);
        }
        assertTrue(delete(keys.get(3)), "a 1,000-character key can be deleted");
        assertNull(get(keys.get(3)));
    }

    @Test
    void concurrentSetsAndGetsOnDistinctKeysAllReadBack() throws Exception {
        int threads = 8;
        int keysPerThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < keysPerThread; i++) {
                        String k = key("t" + thread + "-" + i);
                        set(k, bytes(k), null);
                        assertArrayEquals(bytes(k), get(k), "read back on the writing thread");
                    }
                }));
            }
            for (Future<?> f : work) {
                try {
                    f.get(AWAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    fail("a writer thread failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < keysPerThread; i++) {
                String k = key("t" + t + "-" + i);
                assertArrayEquals(bytes(k), get(k), k);
            }
        }
    }

    @Test
    void keysAreIndependentEvenWhenOneIsAPrefixOfAnother() {
        set(key("a"), bytes("A"), null);
        assertNull(get(key("ab")), "a longer key is not the shorter one");
        assertNull(get(key("")), "a shorter key is not the longer one");
        set(key("ab"), bytes("AB"), null);
        assertTrue(delete(key("a")));
        assertArrayEquals(bytes("AB"), get(key("ab")), "deleting one key leaves the other");
        assertNull(get(key("a")));
    }

    @Test
    void mutatingTheArrayPassedToSetDoesNotChangeTheStoredValue() {
        byte[] value = bytes("original");
        set(key("k"), value, null);
        value[0] = 'X';
        assertArrayEquals(bytes("original"), get(key("k")));
    }
}

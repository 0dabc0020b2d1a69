package dev.restdatasource.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the store's ttls and key prefix land in a real redis-server, read back through a plain Lettuce connection of
 * the test: PTTL in milliseconds, the key under its prefix, the value's bytes as given.
 */
class RedisTtlTest {
    /** Command and connect timeouts: these tests are not about timeouts, and a busy machine must not fail them. */
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static final String PREFIX = "ttl-test:";
    private static RedisTestServer server;
    private static RedisKeyValueCache store;
    private static RedisClient client;
    private static StatefulRedisConnection<String, byte[]> raw;

    @BeforeAll
    static void start() {
        server = RedisTestServer.started(LoopbackPorts.free(1, 50_000, 55_000, 0).get(0));
        store = RedisCaches.connect(RedisSettings.of(server.uri()).withKeyPrefix(PREFIX).withLimits(GENEROUS, GENEROUS,
                RedisSettings.DEFAULT_REQUEST_QUEUE_SIZE));
        client = RedisClient.create();
        raw = client.connect(RedisCaches.CODEC, io.lettuce.core.RedisURI.create(server.uri()));
    }

    @AfterAll
    static void stop() {
        store.close();
        raw.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.kill();
    }

    @Test
    void aTtlInMillisecondsIsSentAsPxAndTheEntryIsGoneAfterIt() throws Exception {
        RedisCommands<String, byte[]> redis = raw.sync();
        // A busy machine may read PTTL only after the entry expired: then again, with a longer ttl that is still no
        // whole number of seconds. A PTTL read must lie within (ttl - time since before the write, ttl].
        String key = null;
        for (long millis : new long[] {300, 1_300, 5_300, 21_300}) {
            long start = System.nanoTime();
            set("short" + millis, Duration.ofMillis(millis));
            long pttl = redis.pttl(PREFIX + "short" + millis);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (pttl == -2 && elapsed >= millis) {
                continue;
            }
            assertTrue(pttl > 0 && pttl <= millis && pttl >= millis - elapsed - 1,
                    "PTTL within [" + (millis - elapsed - 1) + ", " + millis + "] ms: " + pttl);
            key = PREFIX + "short" + millis;
            break;
        }
        assertTrue(key != null, "no PTTL could be read before the ttl ended, even at 21.3 s");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (redis.exists(key) != 0) {
            if (System.nanoTime() - deadline > 0) {
                fail(key + " still exists 60 s later");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aNullTtlIsNoExpiryAndClearsAnEarlierTtl() throws Exception {
        set("k", Duration.ofHours(1));
        assertTrue(raw.sync().pttl(PREFIX + "k") > 3_500_000L, "1 h in ms");
        set("k", null);
        assertEquals(-1L, raw.sync().pttl(PREFIX + "k"), "PTTL -1: no expiry");
    }

    @Test
    void aZeroOrNegativeTtlStoresNothingAndRemovesTheOldValue() throws Exception {
        set("gone", null);
        set("gone", Duration.ZERO);
        assertEquals(0L, raw.sync().exists(PREFIX + "gone"));
        set("never", Duration.ofMillis(-5));
        assertEquals(0L, raw.sync().exists(PREFIX + "never"));
    }

    @Test
    void subMillisecondTtlsRoundUpAndUncountableOnesAreNoExpiry() {
        assertEquals(1, RedisKeyValueCache.ttlMillis(Duration.ofNanos(1)));
        assertEquals(2, RedisKeyValueCache.ttlMillis(Duration.ofNanos(1_000_001)));
        assertEquals(0, RedisKeyValueCache.ttlMillis(null));
        assertEquals(0, RedisKeyValueCache.ttlMillis(Duration.ofSeconds(Long.MAX_VALUE)));
    }

    @Test
    void theValueIsStoredByteForByteUnderThePrefixedKey() throws Exception {
        byte[] value = new byte[256];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }
        store.set("bin", value, null).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertArrayEquals(value, raw.sync().get(PREFIX + "bin"));
        assertEquals(0L, raw.sync().exists("bin"), "nothing under the bare key");
    }

    private static void set(String key, Duration ttl) throws Exception {
        store.set(key, "v".getBytes(StandardCharsets.UTF_8), ttl).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}

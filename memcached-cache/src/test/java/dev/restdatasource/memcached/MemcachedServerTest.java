package dev.restdatasource.memcached;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memcached-specific behaviour against real servers on 127.0.0.1: three with {@code -I 2m} and one with a small
 * item size limit ({@code -I 64k}).
 */
class MemcachedServerTest {
    private static final List<MemcachedTestServer> servers = new ArrayList<>();
    private static MemcachedTestServer small;

    @BeforeAll
    static void startServers() {
        for (int i = 0; i < 3; i++) {
            servers.add(MemcachedTestServer.start(2_048));
        }
        small = MemcachedTestServer.start(64);
    }

    @AfterAll
    static void stopServers() {
        servers.forEach(MemcachedTestServer::stop);
        if (small != null) {
            small.stop();
        }
    }

    @Test
    void keysSpreadOverEveryServerAndMapToTheSameServerFromTwoSeparatelyBuiltClients() throws Exception {
        List<String> addresses = servers.stream().map(MemcachedTestServer::address).toList();
        try (MemcachedKeyValueCache a = store(addresses);
             MemcachedKeyValueCache b = store(List.of(addresses.get(2), addresses.get(0), addresses.get(1)))) {
            String prefix = "spread-" + System.nanoTime() + "-";
            int count = 300;
            for (int i = 0; i < count; i++) {
                await(a.set(prefix + i, bytes("v" + i), null));
            }
            int[] perServer = new int[servers.size()];
            for (int i = 0; i < count; i++) {
                perServer[holder(prefix + i)]++;
                assertArrayEquals(bytes("v" + i), await(b.get(prefix + i)), "B finds what A wrote: " + prefix + i);
            }
            for (int s = 0; s < perServer.length; s++) {
                assertTrue(perServer[s] >= count / 10, "server " + s + " holds a share of the keys: "
                        + java.util.Arrays.toString(perServer));
            }
            assertEquals(count, java.util.Arrays.stream(perServer).sum());
        }
    }

    /** The index of the one server holding {@code key}; fails when none or several do. */
    private static int holder(String key) throws Exception {
        int found = -1;
        for (int s = 0; s < servers.size(); s++) {
            if (servers.get(s).ask("mg " + MemcachedKeys.safe(key) + " v").startsWith("VA")) {
                assertEquals(-1, found, key + " is on exactly one server");
                found = s;
            }
        }
        assertTrue(found >= 0, key + " is on a server");
        return found;
    }

    @Test
    void ttlsRoundUpToSecondsAndLongerThan30DaysAreKeptAsAbsoluteTimes() throws Exception {
        MemcachedTestServer server = servers.get(0);
        try (MemcachedKeyValueCache store = store(List.of(server.address()))) {
            String k = "ttl-" + System.nanoTime() + "-";
            await(store.set(k + "31d", bytes("v"), Duration.ofDays(31)));
            await(store.set(k + "30d1s", bytes("v"), Duration.ofDays(30).plusSeconds(1)));
            await(store.set(k + "30d", bytes("v"), Duration.ofDays(30)));
            await(store.set(k + "1001ms", bytes("v"), Duration.ofMillis(1_001)));
            await(store.set(k + "1ms", bytes("v"), Duration.ofMillis(1)));
            // Absolute times: memcached's clock ticks once a second, so the remaining ttl may read a second more.
            assertTtlWithin(server, k + "31d", 31 * 86_400 - 5, 31 * 86_400 + 2);
            assertTtlWithin(server, k + "30d1s", 30 * 86_400 - 4, 30 * 86_400 + 3);
            assertTtlWithin(server, k + "30d", 30 * 86_400 - 5, 30 * 86_400);
            assertTtlWithin(server, k + "1001ms", 1, 2);
            // expiry is polled (a hang guard of 60 s), not slept for: memcached's clock may lag on a busy machine
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (await(store.get(k + "1ms")) != null || await(store.get(k + "1001ms")) != null) {
                assertTrue(System.nanoTime() - deadline < 0, "a 1 ms ttl is 1 s, not 0 (never); a 1,001 ms ttl is 2 s");
                Thread.sleep(100);
            }
            assertArrayEquals(bytes("v"), await(store.get(k + "31d")), "a 31-day entry is still there");
            assertArrayEquals(bytes("v"), await(store.get(k + "30d1s")), "a 30-day + 1 s entry is still there");
        }
    }

    private static void assertTtlWithin(MemcachedTestServer server, String key, long min, long max) throws Exception {
        String answer = server.ask("mg " + key + " t");
        assertTrue(answer.startsWith("HD t"), key + " is stored with a ttl: " + answer);
        long ttl = Long.parseLong(answer.substring(4).trim());
        assertTrue(ttl >= min && ttl <= max, key + ": remaining ttl " + ttl + " s, expected " + min + ".." + max);
    }

    @Test
    void longSpacedNewlineAndNonAsciiKeysAreStoredUnderTheirHashAndNeverCollide() throws Exception {
        MemcachedTestServer server = servers.get(1);
        try (MemcachedKeyValueCache store = store(List.of(server.address()))) {
            String unique = "keys-" + System.nanoTime() + "-";
            String raw250 = unique + "x".repeat(250 - unique.length());
            List<String> hashed = List.of(raw250 + "y", unique + "with space", unique + "new\nline\r\nEND",
                    unique + "ключ-鍵-🔑", unique + "\u0000\u0001");
            await(store.set(raw250, bytes("raw"), null));
            assertTrue(server.ask("mg " + raw250 + " v").startsWith("VA"), "a 250-byte key is stored as it is");
            for (int i = 0; i < hashed.size(); i++) {
                await(store.set(hashed.get(i), bytes("value " + i), null));
            }
            for (int i = 0; i < hashed.size(); i++) {
                String safe = MemcachedKeys.safe(hashed.get(i));
                assertTrue(safe.matches("~sha256:[0-9a-f]{64}"), safe);
                assertTrue(server.ask("mg " + safe + " v").startsWith("VA 7"), "stored under " + safe);
                assertArrayEquals(bytes("value " + i), await(store.get(hashed.get(i))), "key #" + i);
            }
            String lookalike = MemcachedKeys.safe(hashed.get(1));
            await(store.set(lookalike, bytes("lookalike"), null));
            assertArrayEquals(bytes("value 1"), await(store.get(hashed.get(1))), "the hashed key keeps its value");
            assertArrayEquals(bytes("lookalike"), await(store.get(lookalike)), "the look-alike has its own");
            assertTrue(await(store.delete(hashed.get(0))), "a 251-byte key can be deleted");
            assertNull(await(store.get(hashed.get(0))));
        }
    }

    @Test
    void binaryValuesWithProtocolLookalikesRoundTrip() throws Exception {
        byte[] value = new byte[70_000];
        new Random(7).nextBytes(value);
        byte[] marker = "\r\nEND\r\nVALUE x 0 3\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, value, 100, marker.length);
        try (MemcachedKeyValueCache store = store(List.of(servers.get(2).address()))) {
            await(store.set("bin-" + System.nanoTime(), value, null));
            String k = "bin2-" + System.nanoTime();
            await(store.set(k, value, null));
            assertArrayEquals(value, await(store.get(k)));
        }
    }

    @Test
    void aValueOverTheServersItemSizeLimitIsSkippedWithOneLogLineAndTheOldValueGoes() throws Exception {
        try (MemcachedKeyValueCache store = store(List.of(small.address()));
             Captured log = Captured.start()) {
            String k = "big-" + System.nanoTime();
            await(store.set(k, bytes("old"), null));
            await(store.set(k, new byte[100_000], null));
            assertNull(await(store.get(k)), "nothing under the key: not the big value, not the stale old one");
            assertEquals(1, log.lines().size(), "one log line: " + log.lines());
            assertTrue(log.lines().get(0).contains("100000"), log.lines().get(0));
            await(store.set(k, new byte[30_000], null));
            assertEquals(30_000, await(store.get(k)).length, "a value under the limit is stored");
        }
    }

    @Test
    void aValueOverTheConfiguredMaxItemSizeIsNotSentAndTheOldValueGoes() throws Exception {
        MemcachedSettings settings = MemcachedSettings.of(List.of(servers.get(0).address())).withMaxItemSize(1_000);
        try (MemcachedKeyValueCache store = MemcachedCaches.client(settings); Captured log = Captured.start()) {
            String k = "max-" + System.nanoTime();
            await(store.set(k, bytes("old"), null));
            await(store.set(k, new byte[1_001], null));
            assertNull(await(store.get(k)));
            assertEquals(1, log.lines().size(), "one log line: " + log.lines());
            await(store.set(k, new byte[1_000], null));
            assertNotNull(await(store.get(k)), "1,000 bytes are stored");
        }
    }

    static MemcachedKeyValueCache store(List<String> addresses) {
        return MemcachedCaches.client(MemcachedSettings.of(addresses).withMaxItemSize(2 << 20)
                .withOpTimeout(Duration.ofSeconds(5)));
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return fail("store call failed: " + e, e);
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The store's log lines (java.util.logging, which System.Logger uses by default) while open. */
    static final class Captured extends Handler implements AutoCloseable {
        private static final Logger LOGGER = Logger.getLogger(MemcachedKeyValueCache.class.getName());
        private final List<String> lines = new ArrayList<>();

        static Captured start() {
            Captured captured = new Captured();
            LOGGER.addHandler(captured);
            return captured;
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            lines.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            LOGGER.removeHandler(this);
        }
    }
}

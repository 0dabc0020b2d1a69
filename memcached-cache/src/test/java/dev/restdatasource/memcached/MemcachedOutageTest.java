package dev.restdatasource.memcached;

import static dev.restdatasource.memcached.MemcachedServerTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.restdatasource.cache.testkit.StoreOutage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real memcached processes killed and started again on the same port: the engine answers from the upstream within its
 * cache timeout while a server is down and uses the cache again once xmemcached has healed the session; with two
 * servers, only the stopped one's keys are lost.
 */
class MemcachedOutageTest {
    private final List<MemcachedTestServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(MemcachedTestServer::stop);
    }

    private MemcachedTestServer server() {
        MemcachedTestServer server = MemcachedTestServer.start(1_024);
        servers.add(server);
        return server;
    }

    private static MemcachedSettings settings(MemcachedTestServer... servers) {
        return MemcachedSettings.of(java.util.Arrays.stream(servers).map(MemcachedTestServer::address).toList())
                .withHealInterval(Duration.ofMillis(200)).withOpTimeout(Duration.ofSeconds(1));
    }

    @Test
    void dataSourcesAnswerFromUpstreamWhileTheServerIsDownAndUseTheCacheOnceItIsBack() throws Exception {
        MemcachedTestServer server = server();
        try (MemcachedKeyValueCache store = MemcachedCaches.client(settings(server))) {
            StoreOutage.run(store, server::stop, server::start);
        }
    }

    @Test
    void inFailureModeTheKeysOfAStoppedServerAreMissesWhileTheOtherServerStillServesThem() throws Exception {
        MemcachedTestServer first = server();
        MemcachedTestServer second = server();
        try (MemcachedKeyValueCache store = MemcachedCaches.client(settings(first, second))) {
            List<String> onFirst = new ArrayList<>();
            List<String> onSecond = new ArrayList<>();
            spread(store, first, onFirst, onSecond);

            second.stop();
            for (String key : onSecond) {
                assertFails(store.get(key), "a key of the stopped server is a miss: " + key);
            }
            for (String key : onFirst) {
                assertArrayEquals(bytes(key), await(store.get(key)), "the running server still serves " + key);
            }
            assertFails(store.set(onSecond.get(0), bytes("elsewhere"), null),
                    "a key of the stopped server is not rehashed onto the running one");

            second.start();
            StoreOutage.poll(() -> succeeds(store.set(onSecond.get(0), bytes("back"), null)), "the session is healed");
            assertArrayEquals(bytes("back"), await(store.get(onSecond.get(0))));
            assertTrue(second.ask("mg " + onSecond.get(0) + " v").startsWith("VA"), "stored on its own server again");
        }
    }

    @Test
    void withoutFailureModeTheKeysOfAStoppedServerMoveToTheOthers() throws Exception {
        MemcachedTestServer first = server();
        MemcachedTestServer second = server();
        try (MemcachedKeyValueCache store = MemcachedCaches.client(settings(first, second).withFailureMode(false))) {
            List<String> onFirst = new ArrayList<>();
            List<String> onSecond = new ArrayList<>();
            spread(store, first, onFirst, onSecond);

            second.stop();
            String moved = onSecond.get(0);
            StoreOutage.poll(() -> succeeds(store.set(moved, bytes("moved"), null)), "the stopped server's key is rehashed");
            assertArrayEquals(bytes("moved"), await(store.get(moved)));
            assertTrue(first.ask("mg " + moved + " v").startsWith("VA"), "now held by the running server");
        }
    }

    /** Writes 40 keys (their values are their names) and sorts them by the server holding them. */
    private static void spread(MemcachedKeyValueCache store, MemcachedTestServer first, List<String> onFirst,
            List<String> onSecond) throws Exception {
        String prefix = "outage-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 40; i++) {
            String key = prefix + i;
            await(store.set(key, bytes(key), null));
            (first.ask("mg " + key + " v").startsWith("VA") ? onFirst : onSecond).add(key);
        }
        assertFalse(onFirst.isEmpty() || onSecond.isEmpty(), "both servers hold keys: " + onFirst.size() + "/"
                + onSecond.size());
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return MemcachedServerTest.await(stage);
    }

    private static boolean succeeds(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException failed) {
            return false;
        } catch (InterruptedException | TimeoutException e) {
            return fail("the call neither completed nor failed within 5 s", e);
        }
    }

    /**
     * The call fails within about the operation timeout (1 s; 5 s allowed, so a busy machine is not a failure, while a
     * call queued for a dead server until the 5 s wait gives up still is).
     */
    private static void assertFails(CompletionStage<?> stage, String what) {
        long start = System.nanoTime();
        assertFalse(succeeds(stage), what);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, what + ": failed only after " + took);
    }
}

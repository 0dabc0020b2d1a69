package dev.restdatasource.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import dev.restdatasource.internal.health.StoreHealthCheck;
import dev.restdatasource.internal.health.StoreReport;
import dev.restdatasource.internal.health.StoreState;
import io.lettuce.core.RedisURI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the store does while its real redis-server is down: Lettuce must not queue the commands (its default
 * disconnected behaviour would hold them, without bound, until the server is back), and the store must come back by
 * itself; the health check sees it unreachable, without failing readiness unless told to. Every wait is a bounded
 * poll.
 */
class RedisOutageTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final byte[] VALUE = "v".getBytes(StandardCharsets.UTF_8);

    private final RedisTestServer server = new RedisTestServer(LoopbackPorts.free(1, 45_000, 50_000, 0).get(0),
            List.of());
    private RedisKeyValueCache store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        server.kill();
    }

    @Test
    void whileTheServerIsDownEveryCallFailsAtOnceInsteadOfWaitingInAQueue() throws Exception {
        server.start();
        store = RedisCaches.connect(RedisSettings.of(server.uri()));
        store.set("k", VALUE, null).toCompletableFuture().get(5, TimeUnit.SECONDS);

        server.kill();
        poll(() -> store.openConnection() == null, "Lettuce notices the closed connection");
        List<CompletableFuture<byte[]>> calls = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            calls.add(store.get("k" + i).toCompletableFuture());
        }
        long done = calls.stream().filter(CompletableFuture::isCompletedExceptionally).count();
        assertEquals(calls.size(), done, "every call is rejected while it is made, none is queued");

        server.start();
        poll(() -> answers(store, "k"), "the same store works again once the server is back");
    }

    @Test
    void aKilledServerIsUnreachableWithoutFailingReadinessUnlessStrictAndUpAgainWhenBack() throws Exception {
        server.start();
        store = RedisCaches.connect(RedisSettings.of("redis://:hunter2@127.0.0.1:" + server.port()));
        poll(() -> StoreReport.of(store).state() == StoreState.UP, "connected");
        StoreReport up = StoreReport.of(store);
        assertEquals(new StoreReport("redis", "127.0.0.1:" + server.port(), StoreState.UP), up);

        server.kill();
        poll(() -> StoreReport.of(store).state() == StoreState.UNREACHABLE, "Lettuce notices the closed connection");
        StoreReport down = StoreReport.of(store);
        assertEquals(HealthCheckResponse.Status.UP, StoreHealthCheck.response(down, false).getStatus());
        assertEquals("unreachable", StoreHealthCheck.response(down, false).getData().orElseThrow().get("state"));
        assertEquals(HealthCheckResponse.Status.DOWN, StoreHealthCheck.response(down, true).getStatus());
        assertFalse(StoreHealthCheck.response(down, true).getData().orElseThrow().toString().contains("hunter2"));

        server.start();
        poll(() -> StoreReport.of(store).state() == StoreState.UP, "Lettuce reconnects once the server is back");
    }

    @Test
    void addressesNameEachServerWithoutCredentials() {
        assertEquals("10.0.0.1:6379,10.0.0.2:6380", RedisCaches.addresses(List.of(
                RedisURI.create("redis://user:secret@10.0.0.1:6379"),
                RedisURI.create("redis://10.0.0.2:6380"))));
    }

    @Test
    void aHungServerHoldsAtMostTheQueueBoundAndEachCallAtMostTheCommandTimeout() throws Exception {
        server.start();
        // A 3 s command timeout: all 150 calls are queued long before the first one times out, even on a busy
        // machine (with a shorter one, early timeouts would free queue places and blur the bound).
        store = RedisCaches.connect(RedisSettings.of(server.uri()).withLimits(Duration.ofSeconds(3),
                Duration.ofSeconds(3), 100));
        store.set("k", VALUE, null).toCompletableFuture().get(10, TimeUnit.SECONDS);

        server.pause();
        List<CompletableFuture<byte[]>> calls = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            calls.add(store.get("k").toCompletableFuture());
        }
        Map<String, Long> failures = new TreeMap<>();
        for (CompletableFuture<byte[]> call : calls) {
            failures.merge(failure(call), 1L, Long::sum);
        }
        assertEquals(Map.of("RedisCommandTimeoutException", 100L, "queue full", 50L),
                failures, "100 calls wait for their command timeout, the 50 beyond request-queue-size fail at once");

        server.resume();
        poll(() -> answers(store, "k"), "the store works again once the server answers");
    }

    @Test
    void aStoreCreatedWhileRedisIsDownWorksOnceRedisIsUp() throws Exception {
        store = RedisCaches.connect(RedisSettings.of(server.uri()));
        CompletableFuture<byte[]> early = store.get("k").toCompletableFuture();
        assertTrue(failsWithin(early), "no server: the call fails");

        server.start();
        poll(() -> answers(store, "k"), "the store connects on a later call once the server is up");
        store.set("k", VALUE, null).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertArrayEquals(VALUE, store.get("k").toCompletableFuture().get(5, TimeUnit.SECONDS));
    }

    /**
     * How {@code call} failed, within 10 s: "queue full" for Lettuce's two bound checks ("Request queue size exceeded"
     * before the write, "Internal stack size exceeded" in the I/O thread), else the exception's class.
     */
    private static String failure(CompletableFuture<?> call) throws InterruptedException {
        try {
            call.get(10, TimeUnit.SECONDS);
            return "answered";
        } catch (java.util.concurrent.ExecutionException failed) {
            Throwable cause = failed.getCause();
            return String.valueOf(cause.getMessage()).contains("size exceeded") ? "queue full"
                    : cause.getClass().getSimpleName();
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
            return "still waiting after 10 s";
        }
    }

    private static boolean failsWithin(CompletableFuture<?> call) throws InterruptedException {
        try {
            call.get(10, TimeUnit.SECONDS);
            return false;
        } catch (java.util.concurrent.ExecutionException failed) {
            return true;
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
            return false;
        }
    }

    private static boolean answers(RedisKeyValueCache store, String key) {
        try {
            store.get(key).toCompletableFuture().get(2, TimeUnit.SECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static void poll(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail(what + ": not within " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }
}

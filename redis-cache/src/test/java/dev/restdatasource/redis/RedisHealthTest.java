package dev.restdatasource.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import dev.restdatasource.internal.health.StoreHealthCheck;
import dev.restdatasource.internal.health.StoreReport;
import dev.restdatasource.internal.health.StoreState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store's health as the readiness check shows it, against a real redis-server on 127.0.0.1 that is killed and
 * started again: up, then unreachable (readiness still UP by default, DOWN when strict), then up again. The address
 * never shows the password. Every wait is a bounded poll.
 */
class RedisHealthTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

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
                io.lettuce.core.RedisURI.create("redis://user:secret@10.0.0.1:6379"),
                io.lettuce.core.RedisURI.create("redis://10.0.0.2:6380"))));
    }

    private static void poll(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + " within " + PATIENCE);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}

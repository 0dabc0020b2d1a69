package dev.restdatasource.hazelcast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.store.ErrorsAreMissesKeyValueCache;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The first calls to a freshly started embedded member, as the data sources make them (through the wrapper that turns
 * slow answers into misses, 50 ms by default). Reports the figures in the test output (indicative: the CPU is
 * shared); asserts only the answers, never a time. The store is warmed up as the CDI switch does when the application
 * starts, and the first request comes at once; with {@code -Dcoldstart.wrapper=plain} it is the wrapper without the
 * warm-up, as before it existed, for a before/after
 * comparison in two JVMs (each test's first calls are the JVM's first Hazelcast calls only when run alone).
 */
class HazelcastColdStartTest {
    @Test
    void firstCallOfAFreshMemberReportedRaw() {
        try (HazelcastKeyValueCache store = HazelcastCaches.member(new TestMembers(1).member(0))) {
            long start = System.nanoTime();
            assertNull(store.get("cold-start-raw").toCompletableFuture().join());
            long first = System.nanoTime() - start;
            start = System.nanoTime();
            assertNull(store.get("cold-start-raw-2").toCompletableFuture().join());
            long second = System.nanoTime() - start;
            report("store itself: first get %.1f ms, second get %.1f ms", first, second);
        }
    }

    @Test
    void firstCallsOfAFreshMemberThroughTheDataSourcesWrapper() throws Exception {
        try (HazelcastKeyValueCache store = HazelcastCaches.member(new TestMembers(1).member(0))) {
            boolean plain = "plain".equals(System.getProperty("coldstart.wrapper"));
            if (!plain) {
                ErrorsAreMissesKeyValueCache.warmUp(store); // as the CDI switch does right after starting the member
            }
            KeyValueCache guarded = plain ? new ErrorsAreMissesKeyValueCache(store)
                    : ErrorsAreMissesKeyValueCache.warmingUp(store, ErrorsAreMissesKeyValueCache.DEFAULT_TIMEOUT);
            long start = System.nanoTime();
            assertNull(guarded.get("cold-start").toCompletableFuture().join()); // a miss, at once or after the timeout
            long first = System.nanoTime() - start;

            byte[] value = {1, 2, 3};
            store.set("cold-start", value, null).toCompletableFuture().get(60, TimeUnit.SECONDS);
            long warmFrom = System.nanoTime();
            byte[] read = null;
            while (read == null && System.nanoTime() - warmFrom < Duration.ofMinutes(1).toNanos()) {
                read = guarded.get("cold-start").toCompletableFuture().join();
            }
            long untilHit = System.nanoTime() - start;
            assertArrayEquals(value, read);
            report((plain ? "plain" : "warming-up") + " wrapper: first get answered (a miss) in %.1f ms; first hit %.1f ms"
                    + " after the first get", first, untilHit);
        }
    }

    private static void report(String format, long... nanos) {
        Object[] millis = new Object[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            millis[i] = nanos[i] / 1e6;
        }
        System.out.println("[cold start] " + String.format(format, millis));
    }
}

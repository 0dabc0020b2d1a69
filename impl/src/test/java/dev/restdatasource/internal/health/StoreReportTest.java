package dev.restdatasource.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.backend.MonitoredKeyValueCache;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.store.ErrorsAreMissesKeyValueCache;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class StoreReportTest {

    @Test
    void inMemoryStoreIsUpInProcess() {
        StoreReport report = StoreReport.of(InMemoryKeyValueCache.create(), false);
        assertEquals(new StoreReport("in-memory", "in-process", StoreState.UP), report);
    }

    @Test
    void monitoredStoreReportsItsNameAddressAndReachability() {
        assertEquals(new StoreReport("redis", "10.0.0.1:6379", StoreState.UP),
                StoreReport.of(new Monitored("10.0.0.1:6379", true), false));
        assertEquals(StoreState.UNREACHABLE, StoreReport.of(new Monitored("10.0.0.1:6379", false), false).state());
    }

    @Test
    void openCircuitOfAConnectedStoreIsCircuitOpen() {
        assertEquals(StoreState.CIRCUIT_OPEN, StoreReport.of(new Monitored("h:1", true), true).state());
        assertEquals(StoreState.CIRCUIT_OPEN, StoreReport.of(InMemoryKeyValueCache.create(), true).state());
    }

    @Test
    void unreachableWinsOverOpenCircuitBecauseItIsTheCause() {
        assertEquals(StoreState.UNREACHABLE, StoreReport.of(new Monitored("h:1", false), true).state());
    }

    @Test
    void storeThatCannotSayIsReportedByItsClassAsConnected() {
        StoreReport report = StoreReport.of(new Failing(), false);
        assertEquals(new StoreReport("Failing", "unknown", StoreState.UP), report);
    }

    @Test
    void storeWhoseStatusThrowsIsUnreachable() {
        MonitoredKeyValueCache broken = new Monitored("h:1", true) {
            @Override
            public boolean reachable() {
                throw new IllegalStateException("closed");
            }
        };
        assertEquals(StoreState.UNREACHABLE, StoreReport.of(broken, false).state());
    }

    @Test
    void addressNeverShowsUserInformation() {
        assertEquals("cache.example:6379", StoreReport.withoutUserInfo("redis://user:s3cret@cache.example:6379"));
        assertEquals("a:1,b:2", StoreReport.withoutUserInfo("rediss://:pw@a:1, b:2"));
        assertEquals("h:11211", StoreReport.withoutUserInfo("u:p@w@h:11211"));
        assertEquals("unknown", StoreReport.withoutUserInfo(null));
        assertEquals("unknown", StoreReport.withoutUserInfo(" "));
        StoreReport report = StoreReport.of(new Monitored("redis://admin:hunter2@h:6379", true), false);
        assertEquals("h:6379", report.address());
        assertFalse(report.toString().contains("hunter2"));
    }

    @Test
    void circuitOpenedByRepeatedFailuresIsSeenThroughTheRegistry() {
        Failing store = new Failing();
        ErrorsAreMissesKeyValueCache guarded = new ErrorsAreMissesKeyValueCache(store, Duration.ofSeconds(5));
        assertEquals(StoreState.UP, StoreReport.of(store).state());
        for (int i = 0; i < 10 && !guarded.isOpen(); i++) {
            guarded.get("k").toCompletableFuture().join();
        }
        assertTrue(guarded.isOpen());
        assertEquals(StoreState.CIRCUIT_OPEN, StoreReport.of(store).state());
        assertEquals(StoreState.UP, StoreReport.of(new Failing()).state(), "another store's breaker is its own");
    }

    /** A store whose calls all fail at once, on the caller's thread. */
    static class Failing implements KeyValueCache {
        @Override
        public CompletionStage<byte[]> get(String key) {
            return CompletableFuture.failedFuture(new IllegalStateException("down"));
        }

        @Override
        public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
            return CompletableFuture.failedFuture(new IllegalStateException("down"));
        }

        @Override
        public CompletionStage<Boolean> delete(String key) {
            return CompletableFuture.failedFuture(new IllegalStateException("down"));
        }

        @Override
        public boolean neverBlocksCaller() {
            return true;
        }
    }

    static class Monitored extends Failing implements MonitoredKeyValueCache {
        private final String address;
        private final boolean reachable;

        Monitored(String address, boolean reachable) {
            this.address = address;
            this.reachable = reachable;
        }

        @Override
        public String storeName() {
            return "redis";
        }

        @Override
        public String address() {
            return address;
        }

        @Override
        public boolean reachable() {
            return reachable;
        }
    }
}

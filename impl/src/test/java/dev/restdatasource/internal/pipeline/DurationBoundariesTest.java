package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.bridge.Durations;
import dev.restdatasource.internal.support.MutableClock;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.TooLongDurations;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import dev.restdatasource.spi.TransportRequest;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durations too long to count (ChronoUnit.FOREVER, Long.MAX_VALUE seconds) at every public boundary, through a data
 * source against a real upstream: the call works, and what reaches the store or the transport is clamped to 100 years;
 * no ArithmeticException anywhere.
 */
class DurationBoundariesTest {
    private final Upstream upstream = new Upstream();
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final List<Duration> storeTtls = new CopyOnWriteArrayList<>();
    private final KeyValueCache store = new KeyValueCache() {
        private final KeyValueCache delegate = InMemoryKeyValueCache.create();

        @Override
        public CompletionStage<byte[]> get(String key) {
            return delegate.get(key);
        }

        @Override
        public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
            storeTtls.add(ttl);
            return delegate.set(key, value, ttl);
        }

        @Override
        public CompletionStage<Boolean> delete(String key) {
            return delegate.delete(key);
        }
    };

    @AfterEach
    void stop() {
        upstream.close();
    }

    private TestSource source(DataSourceConfig config) {
        return new TestSource(config, upstream.url());
    }

    @ParameterizedTest
    @MethodSource(TooLongDurations.SOURCE)
    void aCacheOptionsTtlTooLongToCountStoresForOneHundredYears(Duration ttl) throws InterruptedException {
        assertEquals(Durations.LONGEST, CacheOptions.ttl(ttl).ttl());
        upstream.on("/plain", r -> Reply.status(200).body("plain"));
        TestSource source = source(DataSourceConfig.builder().cache(store).clock(clock).build());
        assertFalse(source.doGet("plain").cacheOptions(CacheOptions.ttl(ttl)).fetch().fromCache());
        awaitStored();
        assertTrue(storeTtls.stream().allMatch(t -> t.compareTo(Duration.ZERO) > 0 && t.compareTo(Durations.LONGEST) <= 0),
                storeTtls.toString());
        clock.advance(Duration.ofDays(365L * 50));
        DataSourceResponse hit = source.doGet("plain").fetch();
        assertTrue(hit.fromCache()); // still fresh fifty years on
        assertEquals("plain", hit.bodyAsString());
        assertEquals(1, upstream.count("/plain"));
    }

    @ParameterizedTest
    @MethodSource(TooLongDurations.SOURCE)
    void timeoutsTooLongToCountAreOneHundredYearsAndTheCallWorks(Duration timeout) {
        DataSourceConfig config = DataSourceConfig.builder().cache(store).requestTimeout(timeout).cacheTimeout(timeout).build();
        assertEquals(Durations.LONGEST, config.requestTimeout());
        assertEquals(Durations.LONGEST, config.cacheTimeout());
        assertEquals(Durations.LONGEST, new DataSourceRequest("GET", List.of()).timeout(timeout).timeout());
        assertEquals(Durations.LONGEST,
                new TransportRequest("GET", URI.create("http://127.0.0.1/"), Headers.empty(), null, timeout).timeout());
        upstream.on("/ok", r -> Reply.status(200).body("ok"));
        TestSource source = source(config);
        assertEquals("ok", source.doGet("ok").as(String.class));
        assertEquals("ok", source.doGet("ok").timeout(timeout).skipCache().as(String.class));
    }

    /** Waits (generously) for the background store write of a miss. */
    private void awaitStored() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (storeTtls.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(storeTtls.isEmpty(), "nothing stored");
    }
}

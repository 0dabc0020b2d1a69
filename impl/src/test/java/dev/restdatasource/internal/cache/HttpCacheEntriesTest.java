package dev.restdatasource.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceCall;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.support.MutableClock;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the HTTP cache stores and serves, through a data source against a real upstream on 127.0.0.1: an entry is
 * stored with every header line or not at all, answers only for the key it was written under, and a Vary that
 * no request can match makes the response unstored, never a failed call.
 */
class HttpCacheEntriesTest {
    private final Upstream upstream = new Upstream();
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final MisdirectingStore store = new MisdirectingStore(InMemoryKeyValueCache.create());
    private final TestSource source = new TestSource(DataSourceConfig.builder().cache(store).clock(clock).build(), upstream.url() + "api/");

    @AfterEach
    void stop() {
        upstream.close();
    }

    /** A store that can answer a read with the value of another key, as a faulty or shared store might. */
    static final class MisdirectingStore implements KeyValueCache {
        final KeyValueCache inner;
        volatile UnaryOperator<String> readFrom = UnaryOperator.identity();

        MisdirectingStore(KeyValueCache inner) {
            this.inner = inner;
        }

        @Override
        public CompletionStage<byte[]> get(String key) {
            return inner.get(readFrom.apply(key));
        }

        @Override
        public CompletionStage<Boolean> delete(String key) {
            return inner.delete(key);
        }

        @Override
        public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
            return inner.set(key, value, ttl);
        }
    }

    /** What the store holds under {@code key}, read without misdirection. */
    private byte[] stored(String key) {
        return store.inner.get(key).toCompletableFuture().join();
    }

    private String key(String path) {
        return "httpcache:GET " + upstream.url() + "api/" + path;
    }

    private static DataSourceResponse written(DataSourceResponse response) {
        try {
            response.cacheWrite().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cache write did not finish", e);
        }
        return response;
    }

    private DataSourceResponse get(String path, String... headerPairs) {
        DataSourceCall call = source.doGet(path).throwOnErrorStatus(false);
        for (int i = 0; i < headerPairs.length; i += 2) {
            call.header(headerPairs[i], headerPairs[i + 1]);
        }
        return call.fetch();
    }

    // ---- a header line too long for the old format ----

    @Test
    void aNoCacheLineOver64KiBIsStoredWithTheResponseAndForcesRevalidation() {
        String noCache = "no-cache, x-filler=" + "a".repeat(70_000);
        upstream.on("/api/shared", r -> Reply.status(200).header("Cache-Control", "public, max-age=600")
                .header("Cache-Control", noCache).header("ETag", "\"v1\"").body("for " + r.header("X-User")));
        DataSourceResponse a = written(get("shared", "X-User", "A"));
        assertEquals("for A", a.bodyAsString());

        StoredResponse stored = assertInstanceOf(EntryCodec.ResponseEntry.class,
                EntryCodec.decode(stored(key("shared")), key("shared"))).response();
        assertEquals(List.of("public, max-age=600", noCache), stored.headers().all("cache-control")); // stored whole

        DataSourceResponse b = get("shared", "X-User", "B");
        assertFalse(b.fromCache()); // no-cache: never served without asking upstream
        assertEquals("for B", b.bodyAsString());
        assertEquals(2, upstream.count("/api/shared"));
        assertEquals("\"v1\"", upstream.last().header("If-None-Match")); // revalidated with the stored validator
    }

    @Test
    void aValueOver64KiBIsServedBackWhole() {
        String big = "b".repeat(70_000);
        upstream.on("/api/big", r -> Reply.status(200).header("Cache-Control", "max-age=600").header("X-Big", big).body("big"));
        written(get("big"));
        DataSourceResponse hit = get("big");
        assertTrue(hit.fromCache());
        assertEquals(big, hit.headers().first("x-big"));
        assertEquals(1, upstream.count("/api/big"));
    }

    // ---- entries tied to their key ----

    @Test
    void anotherUrlsEntryReturnedByTheStoreIsAMiss() {
        upstream.on("/api/a", r -> Reply.status(200).header("Cache-Control", "max-age=600").body("A"));
        upstream.on("/api/b", r -> Reply.status(200).header("Cache-Control", "max-age=600").body("B"));
        written(get("a"));
        store.readFrom = k -> key("a"); // every read answers with the entry of /api/a
        DataSourceResponse b = get("b");
        assertFalse(b.fromCache());
        assertEquals("B", b.bodyAsString());
        assertTrue(get("a").fromCache()); // the entry still answers for its own key
        assertEquals(1, upstream.count("/api/a"));
    }

    @Test
    void anotherUsersEntryReturnedByTheStoreIsAMiss() {
        upstream.on("/api/me", r -> Reply.status(200).header("Cache-Control", "private").body("profile of " + r.header("Authorization")));
        upstream.on("/api/other", r -> Reply.status(200).header("Cache-Control", "private").body("other of " + r.header("Authorization")));
        CacheOptions perUser = CacheOptions.ttl(Duration.ofSeconds(600)).perUser();
        written(source.doGet("me").header("Authorization", "Bearer alice").cacheOptions(perUser).fetch());
        String aliceKey = CacheKey.ofGet("GET " + upstream.url() + "api/me")
                .forUser(new CacheRequest("GET", Headers.of("authorization", "Bearer alice"))).value();
        assertNotNull(stored(aliceKey));
        assertTrue(source.doGet("me").header("Authorization", "Bearer alice").cacheOptions(perUser).fetch().fromCache());

        store.readFrom = k -> aliceKey; // every read answers with alice's per-user entry
        DataSourceResponse bob = source.doGet("other").header("Authorization", "Bearer bob").cacheOptions(perUser).fetch();
        assertFalse(bob.fromCache());
        assertEquals("other of Bearer bob", bob.bodyAsString());
        DataSourceResponse bobMe = source.doGet("me").header("Authorization", "Bearer bob").cacheOptions(perUser).fetch();
        assertFalse(bobMe.fromCache());
        assertEquals("profile of Bearer bob", bobMe.bodyAsString());
    }

    @Test
    void anotherKeysVaryIndexReturnedByTheStoreIsAMiss() {
        upstream.on("/api/v", r -> Reply.status(200).header("Cache-Control", "max-age=600").header("Vary", "Accept-Language")
                .body("v " + r.header("Accept-Language")));
        upstream.on("/api/w", r -> Reply.status(200).header("Cache-Control", "max-age=600").body("w"));
        written(get("v", "Accept-Language", "de"));
        assertTrue(get("v", "Accept-Language", "de").fromCache());
        store.readFrom = k -> k.replace("api/w", "api/v"); // /api/w's reads find /api/v's Vary index and variants
        DataSourceResponse w = get("w", "Accept-Language", "de");
        assertFalse(w.fromCache());
        assertEquals("w", w.bodyAsString());
    }

    // ---- a Vary no request can match ----

    @ParameterizedTest
    @ValueSource(strings = {"Accept Language", "x:y", "Accept, Grüße"})
    void aVaryNamingSomethingThatIsNotAFieldNameIsAnsweredAndNotStored(String vary) {
        upstream.on("/api/odd", r -> Reply.status(200).header("Cache-Control", "public, max-age=600").header("Vary", vary).body("odd"));
        for (int i = 1; i <= 3; i++) {
            DataSourceResponse response = written(get("odd", "Accept-Language", "de"));
            assertEquals(200, response.status());
            assertEquals("odd", response.bodyAsString());
            assertFalse(response.fromCache());
            assertEquals(i, upstream.count("/api/odd"));
        }
        assertNull(stored(key("odd")));
    }

    @Test
    void aVaryOfFieldNamesIsStillStored() {
        upstream.on("/api/fine", r -> Reply.status(200).header("Cache-Control", "max-age=600").header("Vary", "Accept-Language")
                .body("fine"));
        written(get("fine", "Accept-Language", "de"));
        assertTrue(get("fine", "Accept-Language", "de").fromCache());
        assertNotNull(stored(key("fine")));
    }
}

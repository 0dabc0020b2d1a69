package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceCall;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.cache.EntryCodec;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.internal.support.MutableClock;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP cache seen through a data source, against a real upstream: what is stored, served, revalidated,
 * invalidated and kept secret, compared with Apollo's HTTP cache (§8-§12) and its leaks (§16); where we differ
 * from Apollo the test says so.
 *
 * <p>The upstream sends a real {@code Date}, so the clock starts at the current second. A response received
 * after the clock was advanced looks that much older (apparent age, RFC 9111 §4.2.3); answers that must stay
 * fresh after an advance therefore carry a max-age larger than the advance.
 */
class HttpCacheIntegrationTest {
    private static final long WAIT_SECONDS = 60; // a hang guard only

    private final Upstream upstream = new Upstream();
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final RecordingStore store = new RecordingStore(InMemoryKeyValueCache.create());
    private final DataSourceConfig config = DataSourceConfig.builder().cache(store).clock(clock).build();
    private final CacheSource source = new CacheSource(config, base());

    @AfterEach
    void stop() {
        upstream.close();
    }

    /** Exposes any method and the cacheOptionsFor hook. */
    static class CacheSource extends TestSource {
        volatile CacheOptions hookOptions;

        CacheSource(DataSourceConfig config, String baseURL) {
            super(config, baseURL);
        }

        DataSourceCall doCall(String method, String path) {
            return call(method, path);
        }

        @Override
        protected CacheOptions cacheOptionsFor(URI url, DataSourceResponse response, DataSourceRequest request) {
            return hookOptions;
        }
    }

    /** A store that records every value written, so tests can look for bytes that must never be stored. */
    static final class RecordingStore implements KeyValueCache {
        private final KeyValueCache delegate;
        final List<Map.Entry<String, byte[]>> sets = java.util.Collections.synchronizedList(new ArrayList<>());

        RecordingStore(KeyValueCache delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<byte[]> get(String key) {
            return delegate.get(key);
        }

        @Override
        public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
            sets.add(Map.entry(key, value.clone()));
            return delegate.set(key, value, ttl);
        }

        @Override
        public CompletionStage<Boolean> delete(String key) {
            return delegate.delete(key);
        }

        byte[] now(String key) {
            return delegate.get(key).toCompletableFuture().join();
        }
    }

    // ---- helpers ----

    private String base() {
        return upstream.url() + "api/";
    }

    private String key(String path) {
        return "httpcache:GET " + base() + path;
    }

    private DataSourceResponse get(String path, String... headerPairs) {
        DataSourceCall call = source.doGet(path).throwOnErrorStatus(false);
        for (int i = 0; i < headerPairs.length; i += 2) {
            call.header(headerPairs[i], headerPairs[i + 1]);
        }
        return call.fetch();
    }

    /** Waits for the background cache write a response started. */
    private static DataSourceResponse written(DataSourceResponse response) {
        try {
            response.cacheWrite().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cache write did not finish", e);
        }
        return response;
    }

    private void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    private int calls(String method, String path) {
        return (int) upstream.received().stream().filter(r -> r.method().equals(method) && r.rawPath().equals(path)).count();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Answers the first call with {@code first} and every later call with {@code later}. */
    private static Upstream.Handler firstThen(Reply first, Upstream.Handler later) {
        AtomicInteger n = new AtomicInteger();
        return r -> n.getAndIncrement() == 0 ? first : later.handle(r);
    }

    private static Reply cacheable(String body, String cacheControl) {
        return Reply.status(200).header("Content-Type", "text/plain").header("Cache-Control", cacheControl).body(body);
    }

    // ---- tests ----

    @Nested
    class Hits {
        @Test
        void aSecondGetWithinMaxAgeIsServedFromTheCacheWithItsAge() {
            upstream.on("/api/fresh", r -> cacheable("hello", "max-age=60"));
            DataSourceResponse first = written(get("fresh"));
            assertFalse(first.fromCache());
            advance(7);
            DataSourceResponse second = get("fresh");
            assertEquals(1, upstream.count("/api/fresh"));
            assertTrue(second.fromCache()); // no upstream call, as in Apollo (§4.4)
            assertFalse(second.stale());
            assertEquals("hello", second.bodyAsString());
            assertEquals("7", second.headers().first("age")); // age since storing, as in Apollo (§10.4, §10.5)
        }

        @Test
        void afterMaxAgeAnEntryWithoutValidatorsIsFetchedAgain() {
            upstream.on("/api/short", firstThen(cacheable("one", "max-age=5"), r -> cacheable("two", "max-age=60")));
            written(get("short"));
            advance(6);
            DataSourceResponse second = get("short");
            assertEquals(2, upstream.count("/api/short")); // fetched again, as in Apollo (§11.4)
            assertFalse(second.fromCache());
            assertNull(upstream.last().header("If-None-Match"));
            assertEquals("two", second.bodyAsString());
        }

        @Test
        void skipCacheSkipsTheReadButStillStores() {
            upstream.on("/api/skip", firstThen(cacheable("v1", "max-age=60"), r -> cacheable("v2", "max-age=60")));
            written(get("skip"));
            DataSourceResponse skipped = written(source.doGet("skip").skipCache().fetch());
            assertEquals(2, upstream.count("/api/skip")); // no read, as in Apollo's skipCache (§10.7)
            assertFalse(skipped.fromCache());
            DataSourceResponse after = get("skip");
            assertEquals(2, upstream.count("/api/skip"));
            assertTrue(after.fromCache());
            assertEquals("v2", after.bodyAsString()); // the skipped call's response was written, as in Apollo (§10.7)
        }

        @Test
        void aCustomCacheKeyMakesTwoUrlsShareOneEntry() {
            upstream.on("/api/movies", r -> cacheable("movies for " + r.rawQuery(), "max-age=60"));
            written(source.doGet("movies").param("api_key", "1").cacheKey("movies").fetch());
            DataSourceResponse other = source.doGet("movies").param("api_key", "2").cacheKey("movies").fetch();
            assertEquals(1, upstream.count("/api/movies")); // the stored URL is not compared, as in Apollo (§8.6)
            assertTrue(other.fromCache());
            assertEquals("movies for api_key=1", other.bodyAsString());
        }

        @Test
        void onlyIfCachedWithNothingStoredGivesA504() {
            upstream.on("/api/none", r -> cacheable("x", "max-age=60"));
            DataSourceResponse response = get("none", "Cache-Control", "only-if-cached");
            assertEquals(504, response.status()); // RFC 9111 §5.2.1.7
            assertEquals(0, upstream.count("/api/none"));
        }
    }

    @Nested
    class Revalidation {
        @Test
        void anETagIsRevalidatedAndA304ServesTheStoredBody() {
            upstream.on("/api/etag", r -> "\"v1\"".equals(r.header("If-None-Match"))
                    ? Reply.status(304).header("ETag", "\"v1\"").header("Cache-Control", "max-age=60")
                    : cacheable("stored body", "max-age=10").header("ETag", "\"v1\""));
            written(get("etag"));
            advance(11);
            DataSourceResponse revalidated = written(get("etag"));
            assertEquals(2, upstream.count("/api/etag"));
            assertEquals("\"v1\"", upstream.last().header("If-None-Match")); // as in Apollo (§11.1)
            assertEquals(200, revalidated.status()); // a 304 returns the stored status, as in Apollo (§11.2)
            assertEquals("stored body", revalidated.bodyAsString());
            assertTrue(revalidated.revalidated());
            assertFalse(revalidated.fromCache()); // not from the cache after a revalidation, as in Apollo (§4.4)
            advance(5);
            DataSourceResponse hit = get("etag");
            assertEquals(2, upstream.count("/api/etag"));
            assertTrue(hit.fromCache());
            assertEquals("stored body", hit.bodyAsString());
        }

        @Test
        void aLastModifiedIsRevalidatedWithIfModifiedSince() {
            String lastModified = "Wed, 01 May 2024 10:00:00 GMT";
            upstream.on("/api/lm", r -> lastModified.equals(r.header("If-Modified-Since"))
                    ? Reply.status(304).header("Cache-Control", "max-age=60")
                    : cacheable("dated body", "max-age=10").header("Last-Modified", lastModified));
            written(get("lm"));
            advance(11);
            DataSourceResponse revalidated = written(get("lm"));
            assertEquals(lastModified, upstream.last().header("If-Modified-Since")); // as in Apollo (§11.1)
            assertNull(upstream.last().header("If-None-Match"));
            assertEquals("dated body", revalidated.bodyAsString());
            assertTrue(revalidated.revalidated());
            assertFalse(revalidated.fromCache());
            advance(5);
            assertTrue(get("lm").fromCache());
            assertEquals(2, upstream.count("/api/lm"));
        }

        @Test
        void a200DuringRevalidationReplacesTheEntry() {
            upstream.on("/api/changed", firstThen(cacheable("old", "max-age=10").header("ETag", "\"1\""),
                    r -> cacheable("new", "max-age=60").header("ETag", "\"2\"")));
            written(get("changed"));
            advance(11);
            DataSourceResponse changed = written(get("changed"));
            assertEquals("\"1\"", upstream.last().header("If-None-Match"));
            assertEquals("new", changed.bodyAsString()); // a 200 replaces the entry, as in Apollo (§11.3)
            assertFalse(changed.revalidated());
            DataSourceResponse hit = get("changed");
            assertTrue(hit.fromCache());
            assertEquals("new", hit.bodyAsString());
        }
    }

    @Nested
    class StaleWhileRevalidate {
        @Test
        void aStaleEntryIsServedAtOnceAndRevalidatedOnceInTheBackground() throws Exception {
            upstream.on("/api/swr", firstThen(cacheable("v1", "max-age=10, stale-while-revalidate=60"),
                    r -> cacheable("v2", "max-age=100").delay(700)));
            written(get("swr"));
            advance(11);
            for (int i = 0; i < 3; i++) {
                DataSourceResponse stale = get("swr");
                assertEquals("v1", stale.bodyAsString()); // served without waiting; Apollo waits for upstream (§11.5)
                assertTrue(stale.stale());
                assertTrue(stale.fromCache());
            }
            List<CompletableFuture<DataSourceResponse>> concurrent = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // other data-source instances: no deduplication between them
                concurrent.add(new CacheSource(config, base()).doGet("swr").fetchAsync().toCompletableFuture());
            }
            for (CompletableFuture<DataSourceResponse> f : concurrent) {
                assertEquals("v1", f.get(WAIT_SECONDS, TimeUnit.SECONDS).bodyAsString());
            }
            await("the background revalidation", () -> upstream.count("/api/swr") >= 2);
            await("the refreshed entry", () -> !get("swr").stale());
            assertEquals(2, upstream.count("/api/swr")); // exactly one revalidation for all eight calls
            DataSourceResponse fresh = get("swr");
            assertTrue(fresh.fromCache());
            assertFalse(fresh.stale());
            assertEquals("v2", fresh.bodyAsString());
            assertEquals(2, upstream.count("/api/swr"));
        }
    }

    @Nested
    class StaleIfError {
        private void storeStaleEntry(Upstream.Handler later) {
            upstream.on("/api/sie", firstThen(cacheable("v1", "max-age=10, stale-if-error=60"), later));
            written(get("sie"));
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 503})
        void anUpstreamErrorInsideTheWindowServesTheStaleEntry(int status) {
            storeStaleEntry(r -> Reply.status(status).body("down"));
            advance(11);
            DataSourceResponse response = get("sie");
            assertEquals(2, upstream.count("/api/sie"));
            assertEquals(200, response.status()); // the stale entry with its status, as in Apollo (§11.6)
            assertEquals("v1", response.bodyAsString());
            assertTrue(response.stale());
        }

        @Test
        void aNetworkErrorInsideTheWindowServesTheStaleEntry() {
            storeStaleEntry(r -> cacheable("never", "max-age=60"));
            upstream.close();
            advance(11);
            DataSourceResponse response = get("sie");
            assertEquals("v1", response.bodyAsString()); // Apollo throws on a network error (§11.7)
            assertTrue(response.stale());
        }

        @Test
        void anUpstreamErrorOutsideTheWindowSurfaces() {
            storeStaleEntry(r -> Reply.status(500).body("down"));
            advance(71);
            DataSourceException error = assertThrows(DataSourceException.class, () -> source.doGet("sie").fetch());
            assertEquals(500, error.status());
            assertEquals(2, upstream.count("/api/sie"));
        }

        @Test
        void aNetworkErrorOutsideTheWindowSurfaces() {
            storeStaleEntry(r -> cacheable("never", "max-age=60"));
            upstream.close();
            advance(71);
            DataSourceException error = assertThrows(DataSourceException.class, () -> source.doGet("sie").fetch());
            assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, error.code());
        }
    }

    @Nested
    class Vary {
        @Test
        void twoVariantsStayCachedSideBySide() {
            upstream.on("/api/greeting", r -> cacheable("hello in " + r.header("Accept-Language"), "max-age=60")
                    .header("Vary", "Accept-Language"));
            for (String language : List.of("en", "fr", "en", "fr")) {
                DataSourceResponse response = written(get("greeting", "Accept-Language", language));
                assertEquals("hello in " + language, response.bodyAsString());
            }
            assertEquals(2, upstream.count("/api/greeting")); // Apollo keeps one variant per key: 4 calls (§8.7)
            assertTrue(get("greeting", "Accept-Language", "fr").fromCache());
            assertFalse(get("greeting", "Accept-Language", "de").fromCache());
        }

        @Test
        void aShortLivedVariantWrittenLastDoesNotHideALongLivedOne() {
            upstream.on("/api/mixed", r -> cacheable("in " + r.header("Accept-Language"),
                    "en".equals(r.header("Accept-Language")) ? "max-age=3600" : "max-age=5")
                    .header("Vary", "Accept-Language"));
            // A store on the test clock, so that store TTLs expire as the clock moves.
            CacheSource timed = new CacheSource(DataSourceConfig.builder().clock(clock)
                    .cache(InMemoryKeyValueCache.create(1 << 20, clock)).build(), base());
            timed.doCall("GET", "mixed").header("Accept-Language", "en").fetch().cacheWrite().toCompletableFuture().join();
            timed.doCall("GET", "mixed").header("Accept-Language", "fr").fetch().cacheWrite().toCompletableFuture().join();
            clock.advance(Duration.ofMinutes(10)); // the fr entry and its store TTL are long gone
            assertTrue(timed.doCall("GET", "mixed").header("Accept-Language", "en").fetch().fromCache());
            assertEquals(2, upstream.count("/api/mixed"));
        }

        @Test
        void varyStarIsNeverStored() {
            upstream.on("/api/star", r -> cacheable("any", "max-age=60").header("Vary", "*"));
            written(get("star"));
            DataSourceResponse second = written(get("star"));
            assertFalse(second.fromCache());
            assertEquals(2, upstream.count("/api/star"));
            assertTrue(store.sets.isEmpty());
        }
    }

    @Nested
    class Invalidation {
        private void cacheItem(String path) {
            upstream.on("/api/" + path, r -> r.method().equals("GET") ? cacheable(path, "max-age=60") : Reply.status(204));
            written(get(path));
            assertTrue(get(path).fromCache());
        }

        @ParameterizedTest
        @ValueSource(strings = {"POST", "PUT", "DELETE"})
        void anUnsafeMethodWithA2xxInvalidatesTheUrl(String method) {
            cacheItem("items/1");
            DataSourceResponse unsafe = written(source.doCall(method, "items/1").fetch());
            assertEquals(204, unsafe.status());
            DataSourceResponse after = get("items/1");
            assertFalse(after.fromCache()); // RFC 9111 §4.4
            assertEquals(2, calls("GET", "/api/items/1"));
        }

        @Test
        void locationAndContentLocationOnTheSameOriginAreInvalidated() {
            cacheItem("items/2");
            cacheItem("items/3");
            cacheItem("items/4");
            upstream.on("/api/items", r -> Reply.status(201).header("Location", "/api/items/2")
                    .header("Content-Location", "items/3"));
            written(source.doPost("items").body("{}").fetch());
            assertFalse(get("items/2").fromCache());
            assertFalse(get("items/3").fromCache());
            assertTrue(get("items/4").fromCache());
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 409, 500})
        void aFailedUnsafeRequestInvalidatesNothing(int status) {
            cacheItem("items/5");
            upstream.on("/api/items/5", r -> r.method().equals("GET") ? cacheable("items/5", "max-age=60")
                    : Reply.status(status).header("Location", "/api/items/5"));
            written(source.doPost("items/5").body("{}").throwOnErrorStatus(false).fetch());
            assertTrue(get("items/5").fromCache());
            assertEquals(1, calls("GET", "/api/items/5"));
        }
    }

    @Nested
    class WhatIsStored {
        @Test
        void aPrivateResponseIsNotStored() {
            upstream.on("/api/mine", r -> cacheable("mine", "private, max-age=60"));
            written(get("mine"));
            assertFalse(written(get("mine")).fromCache()); // private is not stored, as in Apollo (§9.6)
            assertEquals(2, upstream.count("/api/mine"));
        }

        @Test
        void aResponseToAnAuthorizedRequestIsNotStoredWithoutPublic() {
            upstream.on("/api/account", r -> cacheable("account", "max-age=60"));
            written(get("account", "Authorization", "Bearer a"));
            assertFalse(written(get("account", "Authorization", "Bearer a")).fromCache()); // as in Apollo (§9.7)
            assertEquals(2, upstream.count("/api/account"));
        }

        @Test
        void aPublicResponseToAnAuthorizedRequestIsStored() {
            upstream.on("/api/catalog", r -> cacheable("catalog", "public, max-age=60"));
            written(get("catalog", "Authorization", "Bearer a"));
            assertTrue(get("catalog", "Authorization", "Bearer a").fromCache()); // as in Apollo (§9.7)
            assertEquals(1, upstream.count("/api/catalog"));
        }

        @Test
        void a404WithMaxAgeIsCached() {
            upstream.on("/api/missing", r -> Reply.status(404).header("Cache-Control", "max-age=60").body("nope"));
            written(get("missing"));
            DataSourceResponse second = get("missing");
            assertEquals(404, second.status()); // served from the cache, as in Apollo (§9.11)
            assertTrue(second.fromCache());
            assertNull(source.doGet("missing").notFoundAsNull().as(Map.class));
            assertEquals(1, upstream.count("/api/missing"));
        }

        @Test
        void a500IsNeverStored() {
            upstream.on("/api/broken", r -> Reply.status(500).header("Cache-Control", "max-age=60").body("oops"));
            written(get("broken"));
            assertFalse(written(get("broken")).fromCache()); // never stored, as in Apollo (§9.10)
            assertEquals(2, upstream.count("/api/broken"));
            assertTrue(store.sets.isEmpty());
        }
    }

    @Nested
    class TtlOverride {
        @Test
        void aTtlStoresAResponseWithoutCacheHeadersAndServesIt() {
            upstream.on("/api/plain", r -> Reply.status(200).body("plain"));
            // the TTL stores a response without cache headers, as in Apollo (§12.3)
            written(source.doGet("plain").cacheOptions(CacheOptions.ttl(Duration.ofSeconds(30))).fetch());
            advance(29);
            DataSourceResponse hit = get("plain"); // no override here: the entry remembers it, as in Apollo (§12.5)
            assertTrue(hit.fromCache()); // served while younger than the TTL, as in Apollo (§12.4)
            assertEquals("plain", hit.bodyAsString());
            assertEquals(1, upstream.count("/api/plain"));
            advance(2);
            assertFalse(get("plain").fromCache());
            assertEquals(2, upstream.count("/api/plain"));
        }

        @Test
        void aZeroTtlDoesNotStoreEvenACacheableResponse() {
            upstream.on("/api/cacheable", r -> cacheable("c", "max-age=60"));
            written(source.doGet("cacheable").cacheOptions(CacheOptions.ttl(Duration.ZERO)).fetch());
            written(get("cacheable"));
            assertEquals(2, upstream.count("/api/cacheable")); // a zero TTL stores nothing, as in Apollo (§12.6)
        }

        @Test
        void theCacheOptionsForHookIsUsed() {
            upstream.on("/api/hooked", r -> Reply.status(200).body("hooked"));
            source.hookOptions = CacheOptions.ttl(Duration.ofSeconds(60));
            written(get("hooked"));
            source.hookOptions = null;
            assertTrue(get("hooked").fromCache()); // the cacheOptionsFor hook, as in Apollo (§12.2)
            assertEquals(1, upstream.count("/api/hooked"));
        }

        @Test
        void anOverrideNeverStoresAPrivateResponse() {
            upstream.on("/api/private", r -> cacheable("p", "private"));
            CacheOptions ttl = CacheOptions.ttl(Duration.ofSeconds(60));
            written(source.doGet("private").cacheOptions(ttl).fetch());
            // Apollo's override stores it for everyone (§12.3, §16.2)
            assertFalse(written(source.doGet("private").cacheOptions(ttl).fetch()).fromCache());
            assertEquals(2, upstream.count("/api/private"));
        }

        @Test
        void anOverrideNeverStoresAnAuthenticatedResponse() {
            upstream.on("/api/me", r -> Reply.status(200).body("me"));
            CacheOptions ttl = CacheOptions.ttl(Duration.ofSeconds(60));
            written(source.doGet("me").header("Authorization", "Bearer a").cacheOptions(ttl).fetch());
            assertFalse(written(source.doGet("me").header("Authorization", "Bearer a").cacheOptions(ttl).fetch()).fromCache());
            assertEquals(2, upstream.count("/api/me")); // Apollo's override stores it for everyone (§12.3, §16.2)
        }

        @Test
        void aPerUserOverrideServesAnEntryOnlyToItsUser() {
            upstream.on("/api/profile", r -> cacheable("profile of " + r.header("Authorization"), "private"));
            CacheOptions perUser = CacheOptions.ttl(Duration.ofSeconds(60)).perUser();
            written(source.doGet("profile").header("Authorization", "Bearer A").cacheOptions(perUser).fetch());
            DataSourceResponse again = get("profile", "Authorization", "Bearer A");
            assertTrue(again.fromCache());
            assertEquals("profile of Bearer A", again.bodyAsString());
            DataSourceResponse other = get("profile", "Authorization", "Bearer B");
            assertFalse(other.fromCache());
            assertEquals("profile of Bearer B", other.bodyAsString());
            assertFalse(get("profile").fromCache());
            assertEquals(3, upstream.count("/api/profile"));
        }

        @Test
        void aPostCachedByAnOverrideIsServedOnlyForTheSameBody() {
            upstream.on("/api/search", r -> Reply.status(200).body("results for " + r.bodyText()));
            CacheOptions ttl = CacheOptions.ttl(Duration.ofSeconds(60));
            written(source.doPost("search").body("{\"q\":1}").cacheOptions(ttl).fetch());
            DataSourceResponse same = source.doPost("search").body("{\"q\":1}").fetch();
            assertTrue(same.fromCache());
            assertEquals(1, upstream.count("/api/search"));
            DataSourceResponse otherBody = source.doPost("search").body("{\"q\":2}").fetch();
            assertFalse(otherBody.fromCache()); // Apollo serves it for any body (§12.11)
            assertEquals("results for {\"q\":2}", otherBody.bodyAsString());
            assertFalse(get("search").fromCache()); // never served to a GET, as in Apollo (§12.11)
            assertEquals(3, upstream.count("/api/search"));
        }
    }

    @Nested
    class Entries {
        @Test
        void aCorruptEntryIsAMissAndIsReplaced() {
            upstream.on("/api/corrupt", r -> cacheable("good", "max-age=60"));
            store.set(key("corrupt"), "garbage, not an entry".getBytes(StandardCharsets.UTF_8), null);
            DataSourceResponse response = written(get("corrupt"));
            assertFalse(response.fromCache());
            assertEquals("good", response.bodyAsString());
            assertEquals(1, upstream.count("/api/corrupt"));
            assertInstanceOf(EntryCodec.ResponseEntry.class, EntryCodec.decode(store.now(key("corrupt")), key("corrupt")));
            assertTrue(get("corrupt").fromCache());
        }

        @Test
        void aRedirectAndItsTargetAreCachedUnderTheirOwnUrls() {
            upstream.on("/api/old", r -> Reply.status(301).header("Location", "/api/new").header("Cache-Control", "max-age=60"));
            upstream.on("/api/new", r -> cacheable("new place", "max-age=60"));
            assertEquals("new place", get("old").bodyAsString());
            await("both entries", () -> EntryCodec.decode(store.now(key("old")), key("old")) instanceof EntryCodec.ResponseEntry r
                    && r.response().status() == 301 && EntryCodec.decode(store.now(key("new")), key("new")) != null);
            DataSourceResponse again = get("old");
            assertEquals("new place", again.bodyAsString());
            assertTrue(again.fromCache());
            assertEquals(1, upstream.count("/api/old")); // Apollo never caches a 301 (§9.16)
            assertEquals(1, upstream.count("/api/new"));
        }

        @Test
        void noCredentialEverReachesTheStore() {
            String token = "tok-SECRET-1234";
            String cookie = "cookie-SECRET-5678";
            upstream.on("/api/shared", r -> cacheable("shared", "public, max-age=60")
                    .header("Vary", "Authorization, Cookie").header("Set-Cookie", "sid=setcookie-SECRET-9"));
            upstream.on("/api/own", r -> cacheable("own", "private"));
            written(get("shared", "Authorization", "Bearer " + token, "Cookie", "session=" + cookie));
            assertTrue(get("shared", "Authorization", "Bearer " + token, "Cookie", "session=" + cookie).fromCache());
            written(source.doGet("own").header("Authorization", "Bearer " + token).header("Cookie", "session=" + cookie)
                    .cacheOptions(CacheOptions.ttl(Duration.ofSeconds(60)).perUser()).fetch());
            assertTrue(get("own", "Authorization", "Bearer " + token, "Cookie", "session=" + cookie).fromCache());
            assertTrue(store.sets.size() >= 3, "index, variant and per-user entry were written: " + store.sets.size());
            for (Map.Entry<String, byte[]> set : store.sets) {
                String value = new String(set.getValue(), StandardCharsets.ISO_8859_1);
                for (String secret : List.of("SECRET", "Bearer")) {
                    assertFalse(set.getKey().contains(secret), set.getKey());
                    assertFalse(value.contains(secret), "value under " + set.getKey() + " holds " + secret);
                }
            }
        }
    }

    @Nested
    class StoreFailures {
        enum Failure { FAILS, THROWS, NEVER_ANSWERS }

        private KeyValueCache broken(Failure failure) {
            return new KeyValueCache() {
                private <T> CompletionStage<T> answer() {
                    return switch (failure) {
                        case FAILS -> CompletableFuture.failedFuture(new IOException("store down"));
                        case THROWS -> throw new IllegalStateException("store down");
                        case NEVER_ANSWERS -> new CompletableFuture<>();
                    };
                }

                @Override
                public CompletionStage<byte[]> get(String key) {
                    return answer();
                }

                @Override
                public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
                    return answer();
                }

                @Override
                public CompletionStage<Boolean> delete(String key) {
                    return answer();
                }
            };
        }

        @ParameterizedTest
        @EnumSource(Failure.class)
        void aBrokenStoreNeverFailsTheCall(Failure failure) throws Exception {
            upstream.on("/api/item", r -> r.method().equals("GET") ? cacheable("item", "max-age=60") : Reply.status(204));
            DataSourceConfig brokenConfig = DataSourceConfig.builder().cache(broken(failure)).clock(clock)
                    .cacheTimeout(Duration.ofMillis(50)).build();
            CacheSource brokenSource = new CacheSource(brokenConfig, base());
            for (int i = 1; i <= 2; i++) {
                DataSourceResponse response = brokenSource.doGet("item").fetchAsync().toCompletableFuture()
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertEquals("item", response.bodyAsString());
                assertFalse(response.fromCache());
                assertNotNull(written(response));
                assertEquals(i, upstream.count("/api/item"));
            }
            DataSourceResponse delete = brokenSource.doDelete("item").fetchAsync().toCompletableFuture()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(204, written(delete).status());
        }
    }
}

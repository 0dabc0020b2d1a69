package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.DeduplicationPolicy;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every hook runs in Apollo's order and with its meaning (Apollo's request hooks §3.11-§3.13, errors §6,
 * deduplication §7, TTL override §12, tracing §13).
 */
class HooksTest {
    private final Upstream upstream = new Upstream();
    private final DataSourceConfig config = DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).build();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        upstream.close();
    }

    /** Records every hook it passes through, then does the default. */
    class Recording extends TestSource {
        Recording() {
            super(config, upstream.url());
        }

        @Override
        protected void willSendRequest(String path, DataSourceRequest request) {
            calls.add("willSendRequest " + path);
            request.header("x-api-key", "k1");
        }

        @Override
        protected URI resolveURL(String path, DataSourceRequest request) {
            calls.add("resolveURL");
            return super.resolveURL(path, request);
        }

        @Override
        protected boolean shouldJSONSerializeBody(Object body) {
            calls.add("shouldJSONSerializeBody");
            return super.shouldJSONSerializeBody(body);
        }

        @Override
        protected DeduplicationPolicy requestDeduplicationPolicyFor(URI url, DataSourceRequest request) {
            calls.add("requestDeduplicationPolicyFor");
            return super.requestDeduplicationPolicyFor(url, request);
        }

        @Override
        protected String cacheKeyFor(URI url, DataSourceRequest request) {
            calls.add("cacheKeyFor");
            return super.cacheKeyFor(url, request);
        }

        @Override
        protected CompletionStage<DataSourceResponse> trace(URI url, DataSourceRequest request,
                Supplier<CompletionStage<DataSourceResponse>> call) {
            calls.add("trace");
            return super.trace(url, request, call);
        }

        @Override
        protected CacheOptions cacheOptionsFor(URI url, DataSourceResponse response, DataSourceRequest request) {
            calls.add("cacheOptionsFor");
            return null;
        }

        @Override
        protected void throwIfResponseIsError(URI url, DataSourceRequest request, DataSourceResponse response) {
            calls.add("throwIfResponseIsError");
            super.throwIfResponseIsError(url, request, response);
        }

        @Override
        protected DataSourceException errorFromResponse(URI url, DataSourceRequest request, DataSourceResponse response) {
            calls.add("errorFromResponse");
            return super.errorFromResponse(url, request, response);
        }

        @Override
        protected Object parseBody(DataSourceResponse response, Type type) {
            calls.add("parseBody");
            return super.parseBody(response, type);
        }

        @Override
        protected void didEncounterError(RuntimeException error, DataSourceRequest request, URI url) {
            calls.add("didEncounterError " + error.getClass().getSimpleName());
        }
    }

    @Test
    void hooksRunInApolloOrder() {
        upstream.on("/m/1", r -> Reply.json("{}").header("Cache-Control", "no-store"));
        new Recording().doPost("m/{id}", 1).body(Map.of("a", 1)).as(Map.class);
        // Apollo's order (§3.13); the policy asks for the GET and HEAD keys it invalidates, as Apollo's does (§7.3),
        // the cache for its own key, and the POST's invalidation of the stored GET for the GET key (RFC 9111 §4.4).
        assertEquals(List.of("willSendRequest m/{id}", "resolveURL", "shouldJSONSerializeBody",
                "requestDeduplicationPolicyFor", "cacheKeyFor", "cacheKeyFor", "trace", "cacheKeyFor", "cacheKeyFor",
                "cacheOptionsFor", "throwIfResponseIsError", "parseBody"), calls);
        assertEquals("k1", upstream.last().header("x-api-key")); // willSendRequest can add headers (Apollo §3.12)
    }

    @Test
    void errorsGoThroughErrorFromResponseAndDidEncounterErrorOnce() {
        upstream.on("/m", r -> Reply.status(403));
        DataSourceException e = assertThrows(DataSourceException.class, () -> new Recording().doGet("m").as(Map.class));
        assertEquals("FORBIDDEN", e.code());
        // didEncounterError is called once, as in Apollo (§6.8)
        assertEquals(1, calls.stream().filter(c -> c.startsWith("didEncounterError")).count());
        assertTrue(calls.indexOf("errorFromResponse") < calls.indexOf("didEncounterError DataSourceException"));
        assertTrue(!calls.contains("parseBody"));
    }

    @Test
    void errorsOfRequestHooksDoNotReachDidEncounterError() {
        TestSource failing = new Recording() {
            @Override
            protected URI resolveURL(String path, DataSourceRequest request) {
                throw new IllegalStateException("no base for tenant");
            }
        };
        assertThrows(IllegalStateException.class, () -> failing.doGet("m").as(Map.class));
        // errors of request hooks skip didEncounterError, as in Apollo (§6.10)
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("didEncounterError")));
        assertEquals(0, upstream.received().size());
    }

    @Test
    void didEncounterErrorCanReplaceTheError() {
        upstream.on("/m", r -> Reply.status(500));
        TestSource replacing = new TestSource(config, upstream.url()) {
            @Override
            protected void didEncounterError(RuntimeException error, DataSourceRequest request, URI url) {
                throw new UnsupportedOperationException("replaced " + ((DataSourceException) error).status());
            }
        };
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> replacing.doGet("m").as(Map.class));
        assertEquals("replaced 500", e.getMessage()); // its error replaces the original, as in Apollo (§6.9)
    }

    @Test
    void parseErrorsReachDidEncounterError() {
        upstream.on("/m", r -> Reply.json("{broken"));
        assertThrows(DataSourceException.class, () -> new Recording().doGet("m").as(Map.class));
        // parse errors reach didEncounterError, as in Apollo (§5.5)
        assertTrue(calls.contains("didEncounterError DataSourceException"));
    }

    @Test
    void throwIfResponseIsErrorCanLetAStatusThrough() {
        upstream.on("/m", r -> Reply.status(404).header("Content-Type", "application/json").body("{\"missing\":true}"));
        TestSource lenient = new TestSource(config, upstream.url()) {
            @Override
            protected void throwIfResponseIsError(URI url, DataSourceRequest request, DataSourceResponse response) {
                if (response.status() != 404) {
                    super.throwIfResponseIsError(url, request, response);
                }
            }
        };
        // the override lets a 404 through, as in Apollo (§6.1)
        assertEquals(Map.of("missing", true), lenient.doGet("m").as(Map.class));
    }

    @Test
    void errorFromResponseCanBuildTheApplicationsOwnError() {
        upstream.on("/m", r -> Reply.status(409));
        TestSource custom = new TestSource(config, upstream.url()) {
            @Override
            protected DataSourceException errorFromResponse(URI url, DataSourceRequest request, DataSourceResponse response) {
                return new DataSourceException("Movie is locked", "LOCKED", response.status(), response.statusText(), url,
                        null, null);
            }
        };
        DataSourceException e = assertThrows(DataSourceException.class, () -> custom.doGet("m").as(Map.class));
        assertEquals("LOCKED", e.code());
        assertEquals("Movie is locked", e.getMessage());
    }

    @Test
    void parseBodyCanBeReplaced() {
        upstream.on("/m", r -> Reply.status(200).header("Content-Type", "text/csv").body("a,b"));
        TestSource csv = new TestSource(config, upstream.url()) {
            @Override
            protected Object parseBody(DataSourceResponse response, Type type) {
                return List.of(response.bodyAsString().split(","));
            }
        };
        assertEquals(List.of("a", "b"), csv.doGet("m").as(List.class));
    }

    @Test
    void resolveURLCanChooseTheBaseUrlPerCall() {
        upstream.on("/tenant-7/m", r -> Reply.json("{}"));
        TestSource tenant = new TestSource(config, null) {
            @Override
            protected URI resolveURL(String path, DataSourceRequest request) {
                return URI.create(upstream.url() + "tenant-" + request.attributes().get("tenant") + "/").resolve(path);
            }

            @Override
            protected void willSendRequest(String path, DataSourceRequest request) {
                request.attributes().put("tenant", 7);
            }
        };
        tenant.doGet("m").as(Map.class); // resolveURL picks the base per call, as in Apollo (§2.8)
        assertEquals(1, upstream.count("/tenant-7/m"));
    }

    @Test
    void cacheKeyForCanMergeUrls() {
        upstream.on("/m", r -> Reply.json("{\"k\":\"" + r.rawQuery() + "\"}").header("Cache-Control", "max-age=60"));
        TestSource stripping = new TestSource(config, upstream.url()) {
            @Override
            protected String cacheKeyFor(URI url, DataSourceRequest request) {
                return "GET " + url.getPath();
            }
        };
        stripping.doGet("m").param("api_key", "1").fetch().cacheWrite().toCompletableFuture().join();
        // a custom key merges URLs, as in Apollo (§7.11)
        assertEquals("{\"k\":\"api_key=1\"}", stripping.doGet("m").param("api_key", "2").as(String.class));
        assertEquals(1, upstream.count("/m"));
    }

    @Test
    void cacheOptionsForSetsATtl() {
        upstream.on("/m", r -> Reply.json("{}"));
        TestSource ttl = new TestSource(config, upstream.url()) {
            @Override
            protected CacheOptions cacheOptionsFor(URI url, DataSourceResponse response, DataSourceRequest request) {
                return CacheOptions.ttl(Duration.ofMinutes(5));
            }
        };
        ttl.doGet("m").fetch().cacheWrite().toCompletableFuture().join();
        assertTrue(ttl.doGet("m").fetch().fromCache()); // the hook's TTL makes a hit, as in Apollo (§12.2)
        assertEquals(1, upstream.count("/m"));
    }

    @Test
    void traceWrapsEachRealCallOnceButNotDeduplicatedOnes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        upstream.on("/m", r -> {
            release.await(10, TimeUnit.SECONDS);
            return Reply.json("{}").header("Cache-Control", "no-store");
        });
        Recording source = new Recording();
        CompletableFuture<?> a = source.doGet("m").fetchAsync().toCompletableFuture();
        CompletableFuture<?> b = source.doGet("m").fetchAsync().toCompletableFuture();
        release.countDown();
        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);
        // trace wraps only real calls, as in Apollo (§13.1)
        assertEquals(1, calls.stream().filter("trace"::equals).count());
        // willSendRequest runs for deduplicated calls too (Apollo §3.12)
        assertEquals(2, calls.stream().filter(c -> c.startsWith("willSendRequest")).count());
    }

    @Test
    void theSameConfigSharesOneCacheAcrossInstances() {
        upstream.on("/m", r -> Reply.json("{}").header("Cache-Control", "max-age=60"));
        new TestSource(config, upstream.url()).doGet("m").fetch().cacheWrite().toCompletableFuture().join();
        DataSourceResponse second = new TestSource(config, upstream.url()).doGet("m").fetch();
        assertTrue(second.fromCache()); // shared; Apollo gives each instance its own cache (§1.2)
        assertEquals(1, upstream.count("/m"));
    }

    @Test
    void requestFiltersRunFirstAndKnowTheDataSource() {
        upstream.on("/m", r -> Reply.json("{\"auth\":\"" + r.header("Authorization") + "\"}"));
        DataSourceConfig filtered = config.toBuilder().requestFilters(List.of(
                (dataSource, request) -> calls.add("filter " + dataSource),
                (dataSource, request) -> {
                    if (dataSource.equals("Recording")) {
                        request.header("authorization", "Bearer from-context");
                    }
                })).build();
        Recording source = new Recording();
        source.initialize(filtered);
        assertEquals("Bearer from-context", source.doGet("m").as(Map.class).get("auth"));
        assertEquals(List.of("filter Recording", "willSendRequest m"), calls.subList(0, 2));
        TestSource other = new TestSource(filtered, upstream.url());
        assertEquals("null", other.doGet("m").as(Map.class).get("auth")); // filters choose by name
    }

    @Test
    void initializeIsRefusedAfterTheFirstCall() {
        upstream.on("/m", r -> Reply.json("{}"));
        TestSource source = new TestSource(config, upstream.url());
        source.doGet("m").as(Map.class);
        assertThrows(IllegalStateException.class, () -> source.initialize(config));
        TestSource fresh = new TestSource(DataSourceConfig.defaults(), upstream.url());
        fresh.initialize(config);
        assertEquals(Map.of(), fresh.doGet("m").as(Map.class));
    }
}

package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.DeduplicationPolicy;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Identical calls of one data-source instance share one upstream request, as in Apollo (§7), but never across
 * credentials and never remembering an error.
 */
class DeduplicationTest {
    private final Upstream upstream = new Upstream();
    private final DataSourceConfig config = DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).build();
    private final TestSource source = new TestSource(config, upstream.url());
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        upstream.close();
    }

    /** An upstream route that holds every answer until {@link #release} opens. Not cacheable. */
    private void slowRoute(String path, Reply reply) {
        upstream.on(path, r -> {
            release.await(10, TimeUnit.SECONDS);
            return reply;
        });
    }

    private static Reply uncachedJson(String json) {
        return Reply.json(json).header("Cache-Control", "no-store");
    }

    @Test
    void concurrentIdenticalGetsReachUpstreamOnce() throws Exception {
        slowRoute("/m", uncachedJson("{\"id\":\"1\"}"));
        List<CompletableFuture<DataSourceResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(source.doGet("m").fetchAsync().toCompletableFuture());
        }
        release.countDown();
        int deduplicated = 0;
        for (CompletableFuture<DataSourceResponse> call : calls) {
            DataSourceResponse r = call.get(10, TimeUnit.SECONDS);
            assertEquals("{\"id\":\"1\"}", r.bodyAsString());
            deduplicated += r.deduplicated() ? 1 : 0;
        }
        assertEquals(1, upstream.count("/m")); // concurrent identical GETs make one call (Apollo §7.4)
        assertEquals(4, deduplicated);
    }

    @Test
    void sequentialGetsAreNotDeduplicated() {
        upstream.on("/m", r -> uncachedJson("{}"));
        source.doGet("m").as(Map.class);
        source.doGet("m").as(Map.class);
        assertEquals(2, upstream.count("/m")); // the key goes when the call settles (Apollo §7.5)
    }

    @Test
    void callersWithDifferentCredentialsNeverShare() throws Exception {
        slowRoute("/me", uncachedJson("{}"));
        CompletableFuture<DataSourceResponse> alice = source.doGet("me").header("Authorization", "Bearer alice")
                .fetchAsync().toCompletableFuture();
        CompletableFuture<DataSourceResponse> bob = source.doGet("me").header("Authorization", "Bearer bob")
                .fetchAsync().toCompletableFuture();
        CompletableFuture<DataSourceResponse> alice2 = source.doGet("me").header("Authorization", "Bearer alice")
                .fetchAsync().toCompletableFuture();
        release.countDown();
        // not shared; Apollo's key has no credentials, so Bob gets Alice's answer (§7.10)
        assertFalse(bob.get(10, TimeUnit.SECONDS).deduplicated());
        assertTrue(alice2.get(10, TimeUnit.SECONDS).deduplicated());
        alice.get(10, TimeUnit.SECONDS);
        assertEquals(2, upstream.count("/me"));
        long bobs = upstream.received().stream().filter(r -> "Bearer bob".equals(r.header("Authorization"))).count();
        assertEquals(1, bobs);
    }

    @Test
    void eachCallerGetsItsOwnCopyOfTheResult() throws Exception {
        slowRoute("/list", uncachedJson("{\"items\":[1,2]}"));
        CompletableFuture<Map> a = source.doGet("list").asAsync(Map.class).toCompletableFuture();
        CompletableFuture<Map> b = source.doGet("list").asAsync(Map.class).toCompletableFuture();
        release.countDown();
        Map<?, ?> first = a.get(10, TimeUnit.SECONDS);
        Map<?, ?> second = b.get(10, TimeUnit.SECONDS);
        assertNotSame(first, second); // each caller gets its own copy, as in Apollo (§5.8)
        ((List<Object>) first.get("items")).add(3);
        assertEquals(3, ((List<?>) first.get("items")).size());
        assertEquals(2, ((List<?>) second.get("items")).size());
        assertEquals(1, upstream.count("/list"));
    }

    @Test
    void concurrentCallersShareAFailureButItIsNotRemembered() throws Exception {
        slowRoute("/boom", Reply.status(500));
        CompletableFuture<Map> a = source.doGet("boom").asAsync(Map.class).toCompletableFuture();
        CompletableFuture<Map> b = source.doGet("boom").asAsync(Map.class).toCompletableFuture();
        release.countDown();
        assertThrows(Exception.class, () -> a.get(10, TimeUnit.SECONDS));
        assertThrows(Exception.class, () -> b.get(10, TimeUnit.SECONDS));
        assertEquals(1, upstream.count("/boom")); // concurrent callers share one failure, as in Apollo (§7.9)
        upstream.on("/boom", r -> uncachedJson("{\"ok\":1}"));
        assertEquals(1, ((Number) source.doGet("boom").as(Map.class).get("ok")).intValue());
    }

    /**
     * A data source that deduplicates GETs until a mutation invalidates them (Apollo's
     * {@code deduplicate-until-invalidated}, §7.6).
     */
    static final class Memoising extends TestSource {
        Memoising(DataSourceConfig config, String base) {
            super(config, base);
        }

        @Override
        protected DeduplicationPolicy requestDeduplicationPolicyFor(URI url, DataSourceRequest request) {
            return request.method().equals("GET") ? DeduplicationPolicy.untilInvalidated(cacheKeyFor(url, request))
                    : super.requestDeduplicationPolicyFor(url, request);
        }
    }

    @Test
    void untilInvalidatedRemembersSuccessesUntilAMutation() {
        Memoising memo = new Memoising(config, upstream.url());
        AtomicInteger version = new AtomicInteger();
        upstream.on("/doc", r -> r.method().equals("GET") ? uncachedJson("{\"v\":" + version.get() + "}")
                : Reply.status(204));
        assertEquals(0, ((Number) memo.doGet("doc").as(Map.class).get("v")).intValue());
        version.set(1);
        assertEquals(0, ((Number) memo.doGet("doc").as(Map.class).get("v")).intValue());
        assertEquals(1, upstream.count("/doc"));
        memo.doPut("doc").body(Map.of("v", 1)).fetch(); // a PUT invalidates the GET key, as in Apollo (§7.7)
        assertEquals(1, ((Number) memo.doGet("doc").as(Map.class).get("v")).intValue());
        assertEquals(3, upstream.count("/doc"));
    }

    @Test
    void untilInvalidatedDoesNotRememberErrors() {
        Memoising memo = new Memoising(config, upstream.url());
        AtomicInteger status = new AtomicInteger(401);
        upstream.on("/me", r -> status.get() == 401 ? Reply.status(401) : uncachedJson("{}"));
        DataSourceException e = assertThrows(DataSourceException.class, () -> memo.doGet("me").as(Map.class));
        assertEquals("UNAUTHENTICATED", e.code());
        status.set(200);
        memo.doGet("me").as(Map.class); // Apollo remembers the 401 too and would replay it (§7.6, §16.7)
        assertEquals(2, upstream.count("/me"));
    }

    @Test
    void disablingDeduplicationKeepsTheHttpCache() {
        TestSource never = new TestSource(config, upstream.url()) {
            @Override
            protected DeduplicationPolicy requestDeduplicationPolicyFor(URI url, DataSourceRequest request) {
                return DeduplicationPolicy.doNotDeduplicate();
            }
        };
        upstream.on("/c", r -> Reply.json("{}").header("Cache-Control", "max-age=60"));
        never.doGet("c").fetch().cacheWrite().toCompletableFuture().join();
        // without deduplication the HTTP cache still works, as in Apollo (§7.12)
        assertTrue(never.doGet("c").fetch().fromCache());
        assertEquals(1, upstream.count("/c"));
    }
}

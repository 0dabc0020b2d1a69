package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import dev.restdatasource.spi.Transport;
import dev.restdatasource.spi.TransportRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redirects are followed hop by hop without leaking credentials; any Transport can replace the JDK client. */
class RedirectAndTransportTest {
    private final Upstream upstream = new Upstream();
    private final Upstream other = new Upstream(); // another port: another origin
    private final DataSourceConfig config = DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).build();
    private final TestSource source = new TestSource(config, upstream.url());

    @AfterEach
    void stop() {
        upstream.close();
        other.close();
    }

    @Test
    void aCrossOriginRedirectDropsCredentials() {
        upstream.on("/r", r -> Reply.status(302).header("Location", other.url() + "t"));
        other.on("/t", r -> Reply.json("{\"auth\":\"" + r.header("Authorization") + "\"}"));
        Map<?, ?> result = source.doGet("r").header("Authorization", "Bearer secret").header("Cookie", "a=b").as(Map.class);
        assertEquals("null", result.get("auth"));
        assertNull(other.last().header("Cookie"));
    }

    @Test
    void aSameOriginRedirectKeepsCredentials() {
        upstream.on("/r", r -> Reply.status(307).header("Location", "/t"));
        upstream.on("/t", r -> Reply.json("{\"auth\":\"" + r.header("Authorization") + "\"}"));
        assertEquals("Bearer secret", source.doGet("r").header("Authorization", "Bearer secret").as(Map.class).get("auth"));
    }

    @Test
    void seeOtherTurnsAPostIntoAGetWithoutBody() {
        upstream.on("/create", r -> Reply.status(303).header("Location", "/created/1"));
        upstream.on("/created/1", r -> Reply.json("{\"method\":\"" + r.method() + "\",\"length\":" + r.body().length + "}"));
        Map<?, ?> result = source.doPost("create").body(Map.of("a", 1)).as(Map.class);
        assertEquals("GET", result.get("method"));
        assertEquals(0, ((Number) result.get("length")).intValue());
    }

    @Test
    void permanentRedirectKeepsMethodAndBody() {
        upstream.on("/old", r -> Reply.status(308).header("Location", "/new"));
        upstream.on("/new", r -> Reply.json("{\"method\":\"" + r.method() + "\",\"body\":" + r.bodyText() + "}"));
        Map<?, ?> result = source.doPut("old").body(Map.of("a", 1)).as(Map.class);
        assertEquals("PUT", result.get("method"));
        assertEquals(Map.of("a", 1), ((Map<?, ?>) result.get("body")).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).intValue())));
    }

    @Test
    void redirectsStopAtTheLimit() {
        upstream.on("/loop", r -> Reply.status(302).header("Location", "/loop"));
        DataSourceResponse response = source.doGet("loop").throwOnErrorStatus(false).fetch();
        assertEquals(302, response.status());
        assertEquals(1 + DataSourceConfig.DEFAULT_MAX_REDIRECTS, upstream.count("/loop"));
    }

    @Test
    void redirectsCanBeTurnedOff() {
        upstream.on("/r", r -> Reply.status(301).header("Location", "/t"));
        TestSource noRedirects = new TestSource(config.toBuilder().maxRedirects(0).build(), upstream.url());
        assertEquals(301, noRedirects.doGet("r").throwOnErrorStatus(false).fetch().status());
        assertEquals(0, upstream.count("/t"));
    }

    @Test
    void aCustomTransportReplacesTheJdkClient() {
        List<TransportRequest> sent = new CopyOnWriteArrayList<>();
        Transport canned = request -> {
            sent.add(request);
            return CompletableFuture.completedFuture(DataSourceResponse.builder().url(request.uri()).status(200)
                    .headers(Headers.of("content-type", "application/json", "cache-control", "max-age=60"))
                    .body("{\"id\":\"42\"}".getBytes(StandardCharsets.UTF_8)).build());
        };
        DataSourceConfig custom = DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).transport(canned)
                .requestTimeout(Duration.ofSeconds(3)).build();
        TestSource viaCanned = new TestSource(custom, "https://movies.invalid/api/");
        viaCanned.doGet("movies/{id}", 42).fetch().cacheWrite().toCompletableFuture().join();
        assertEquals("42", viaCanned.doGet("movies/{id}", 42).as(Map.class).get("id"));
        assertEquals(1, sent.size()); // the second call was a cache hit
        assertEquals("https://movies.invalid/api/movies/42", sent.get(0).uri().toString());
        assertEquals(Duration.ofSeconds(3), sent.get(0).timeout());
        assertTrue(upstream.received().isEmpty());
    }
}

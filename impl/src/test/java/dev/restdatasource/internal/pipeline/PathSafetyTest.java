package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.internal.http.UrlResolver;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path templates cannot escape the base URL (Apollo uses an absolute URL given as the path as it
 * is, §2.5, so a value can replace the whole URL: SSRF), while literal paths resolve like browser links
 * (Apollo §2.1-§2.7).
 */
class PathSafetyTest {
    private final Upstream upstream = new Upstream();
    private final TestSource source = new TestSource(
            DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).build(), upstream.url() + "api/");

    @AfterEach
    void stop() {
        upstream.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../admin", "?x=1", "#f", "//evil.example", "%2e%2e", "https://evil.example/x", "a/b",
        "..%2Fadmin", "\\..\\admin", "x y", "é", "%00", "\r\nHost: evil"})
    void aHostileValueStaysOneSegmentUnderTheBasePath(String value) {
        upstream.on("/api/movies/" + UrlResolver.encodeSegment("id", value), r -> Reply.json("{\"ok\":true}"));
        Map<?, ?> result = source.doGet("movies/{id}", value).as(Map.class);
        assertEquals(true, result.get("ok"));
        Upstream.Received received = upstream.last();
        assertTrue(received.rawPath().startsWith("/api/movies/"), received.rawPath());
        assertEquals(3, received.rawPath().substring(1).split("/", -1).length, received.rawPath());
        assertEquals(null, received.rawQuery());
        assertEquals("127.0.0.1:" + upstream.port(), received.header("Host"));
    }

    @Test
    void encodedValuesKeepOnlyUnreservedCharacters() {
        assertEquals("..%2Fadmin", UrlResolver.encodeSegment("v", "../admin"));
        assertEquals("%252e%252e", UrlResolver.encodeSegment("v", "%2e%2e"));
        assertEquals("https%3A%2F%2Fevil.example", UrlResolver.encodeSegment("v", "https://evil.example"));
        assertEquals("a-b_c.d~e", UrlResolver.encodeSegment("v", "a-b_c.d~e"));
        assertEquals("%C3%A9", UrlResolver.encodeSegment("v", "é"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", ""})
    void dotSegmentsAndEmptyValuesAreRefusedBeforeAnyRequest(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> source.doGet("movies/{id}", value).as(Map.class));
        assertTrue(e.getMessage().contains("{id}"), e.getMessage());
        assertEquals(0, upstream.received().size());
    }

    @Test
    void nullValuesAndCountMismatchesAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> source.doGet("movies/{id}", (Object) null).as(Map.class));
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> source.doGet("movies/{id}/{part}", "1").as(Map.class));
        assertTrue(tooFew.getMessage().contains("movies/{id}/{part}"), tooFew.getMessage());
        assertThrows(IllegalArgumentException.class, () -> source.doGet("movies", "1").as(Map.class));
        assertEquals(0, upstream.received().size());
    }

    @Test
    void severalPlaceholdersFillInOrder() {
        assertEquals(URI.create("https://h/api/a/1/b/x%2Fy"),
                UrlResolver.resolve("https://h/api/", "a/{id}/b/{name}", List.of(1, "x/y")));
    }

    @Test
    void literalPathsResolveLikeBrowserLinks() {
        // base ends in a slash: appended (Apollo §2.2)
        assertEquals(URI.create("https://h/api/foo"), UrlResolver.resolve("https://h/api/", "foo", List.of()));
        // no trailing slash: last segment replaced (Apollo §2.3)
        assertEquals(URI.create("https://h/foo"), UrlResolver.resolve("https://h/api", "foo", List.of()));
        // a leading slash replaces the base path (Apollo §2.4)
        assertEquals(URI.create("https://h/foo"), UrlResolver.resolve("https://h/bar/", "/foo", List.of()));
        // a literal absolute URL is used as it is (Apollo §2.5)
        assertEquals(URI.create("https://other/x"), UrlResolver.resolve("https://h/api/", "https://other/x", List.of()));
        // a colon in the first segment works after ./ (Apollo §2.6)
        assertEquals(URI.create("https://h/api/urn:foo:1"), UrlResolver.resolve("https://h/api/", "./urn:foo:1", List.of()));
        assertEquals(URI.create("https://h/foo"), UrlResolver.resolve("https://h", "foo", List.of()));
    }

    @Test
    void aRelativePathWithoutBaseUrlFailsBeforeAnyRequest() {
        TestSource noBase = new TestSource(DataSourceConfig.defaults(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> noBase.doGet("movies").as(Map.class));
        // no baseURL: fails before any call (Apollo §2.7)
        assertTrue(e.getMessage().contains("no baseURL"), e.getMessage());
    }

    @Test
    void nonHttpUrlsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> UrlResolver.resolve("https://h/", "file:///etc/passwd", List.of()));
        assertThrows(IllegalArgumentException.class, () -> UrlResolver.resolve("ftp://h/", "x", List.of()));
    }

    @Test
    void anInvalidLiteralPathIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UrlResolver.resolve("https://h/", "a b", List.of()));
        assertTrue(e.getMessage().contains("'a b'"), e.getMessage());
    }
}

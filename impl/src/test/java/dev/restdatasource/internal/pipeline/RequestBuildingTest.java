package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.TypeRef;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Methods, parameters, headers, bodies and result types against a real upstream (Apollo's request building and
 * result shapes, §3 and §4).
 */
class RequestBuildingTest {
    public static class Movie {
        public String id;
        public String title;
        public List<String> tags;
    }

    private final Upstream upstream = new Upstream();
    private final TestSource source = new TestSource(
            DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).build(), upstream.url() + "api/");

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void getParsesJsonIntoAClass() {
        upstream.on("/api/movies/1", r -> Reply.json("{\"id\":\"1\",\"title\":\"Alien\",\"tags\":[\"scifi\"]}"));
        Movie movie = source.doGet("movies/{id}", 1).as(Movie.class);
        assertEquals("Alien", movie.title);
        assertEquals(List.of("scifi"), movie.tags);
        assertEquals("GET", upstream.last().method());
    }

    @Test
    void getParsesJsonIntoAGenericType() {
        upstream.on("/api/movies", r -> Reply.json("[{\"id\":\"1\"},{\"id\":\"2\"}]"));
        List<Movie> movies = source.doGet("movies").as(new TypeRef<List<Movie>>() {});
        assertEquals(2, movies.size());
        assertEquals("2", movies.get(1).id);
    }

    @Test
    void asyncCallsCompleteWithTheParsedBody() throws Exception {
        upstream.on("/api/movies/7", r -> Reply.json("{\"id\":\"7\"}"));
        Movie movie = source.doGet("movies/{id}", 7).asAsync(Movie.class).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("7", movie.id);
        Map<String, Object> map = source.doGet("movies/{id}", 7).asAsync(new TypeRef<Map<String, Object>>() {})
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("7", map.get("id"));
    }

    @Test
    void repeatedParametersAreKeptAndFormEncoded() {
        upstream.on("/api/search", r -> Reply.json("[]"));
        source.doGet("search").param("tag", "a b").param("tag", "beyoncé").param("skip", null).param("q", "x&y=z").as(List.class);
        // nulls dropped, repeats kept, form-encoded, as in Apollo (§3.1, §3.2, §3.4)
        assertEquals("tag=a+b&tag=beyonc%C3%A9&q=x%26y%3Dz", upstream.last().rawQuery());
    }

    @Test
    void parametersAreAppendedAfterTheQueryOfThePath() {
        upstream.on("/api/echo", r -> Reply.json("{}"));
        source.doGet("echo?a=1").param("a", "2").as(Map.class);
        assertEquals("a=1&a=2", upstream.last().rawQuery()); // appended after the path's query, as in Apollo (§3.3)
    }

    @Test
    void parametersFromAMapKeepTheMapOrder() {
        upstream.on("/api/echo", r -> Reply.json("{}"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("z", 1);
        params.put("a", "two");
        source.doGet("echo").params(params).as(Map.class);
        assertEquals("z=1&a=two", upstream.last().rawQuery());
    }

    @Test
    void objectBodiesAreSentAsJsonWithAContentType() {
        upstream.on("/api/movies", r -> Reply.json("{\"id\":\"9\"}").header("X", "y"));
        Movie in = new Movie();
        in.title = "Heat";
        Movie out = source.doPost("movies").body(in).as(Movie.class);
        assertEquals("9", out.id);
        assertEquals("POST", upstream.last().method());
        // added for a JSON body, as in Apollo (§3.9)
        assertEquals("application/json", upstream.last().header("Content-Type"));
        assertTrue(upstream.last().bodyText().contains("\"title\":\"Heat\""));
    }

    @Test
    void anExplicitContentTypeIsKept() {
        upstream.on("/api/movies", r -> Reply.json("{}"));
        source.doPut("movies").header("Content-Type", "application/merge-patch+json").body(Map.of("a", 1)).as(Map.class);
        assertEquals("application/merge-patch+json", upstream.last().header("content-type"));
        assertEquals("PUT", upstream.last().method());
    }

    @Test
    void stringAndByteBodiesAreSentAsTheyAre() {
        upstream.on("/api/raw", r -> Reply.status(204));
        source.doPatch("raw").body("{not json}").fetch();
        assertEquals("{not json}", upstream.last().bodyText()); // a string is sent unchanged, as in Apollo (§3.10)
        assertEquals("text/plain; charset=UTF-8", upstream.last().header("content-type"));
        byte[] bytes = {0, 1, 2, (byte) 255};
        source.doPost("raw").header("content-type", "application/octet-stream").body(bytes).fetch();
        assertArrayEquals(bytes, upstream.last().body());
    }

    @Test
    void aGetOrHeadWithABodyFailsBeforeAnyCall() {
        upstream.on("/api/movies", r -> Reply.json("[]"));
        for (String method : List.of("GET", "HEAD")) {
            var call = source.doGet("movies").body("q=1");
            call.request().method(method);
            RuntimeException e = assertThrows(RuntimeException.class, call::fetch);
            assertTrue(String.valueOf(e.getMessage()).contains("A " + method + " cannot have a body: /api/movies"),
                    String.valueOf(e));
        }
        assertEquals(0, upstream.count("/api/movies")); // the keys of a GET leave bodies out: it would share answers
    }

    @Test
    void deleteAndHeadUseTheirMethods() {
        upstream.on("/api/movies/1", r -> Reply.status(204).header("X-Method", r.method()));
        assertNull(source.doDelete("movies/{id}", 1).as(Movie.class));
        assertEquals("DELETE", upstream.last().method());
        DataSourceResponse head = source.doHead("movies/{id}", 1).fetch();
        assertEquals("HEAD", upstream.last().method());
        assertEquals("HEAD", head.headers().first("x-method")); // HEAD returns the response, as in Apollo (§4.2)
    }

    @Test
    void headersAreSentLowerCasedOnce() {
        upstream.on("/api/h", r -> Reply.json("{}"));
        source.doGet("h").header("X-Token", "a").header("x-token", "b").as(Map.class);
        // names lower-cased, sent once, as in Apollo (§3.5)
        assertEquals(List.of("b"), upstream.last().headers().get("X-token"));
    }

    @Test
    void fetchReturnsTheRawResponseAndCanAcceptErrorStatuses() {
        upstream.on("/api/gone", r -> Reply.status(410).header("Content-Type", "text/plain").body("bye"));
        DataSourceResponse response = source.doGet("gone").throwOnErrorStatus(false).fetch();
        assertEquals(410, response.status());
        assertEquals("Gone", response.statusText());
        assertEquals("bye", response.bodyAsString());
        assertArrayEquals("bye".getBytes(StandardCharsets.UTF_8), response.body());
        assertFalse(response.fromCache());
        assertFalse(response.deduplicated());
    }

    @Test
    void textAndBytesComeBackWhateverTheContentType() {
        upstream.on("/api/t", r -> Reply.status(200).header("Content-Type", "text/html").body("<b>hi</b>"));
        assertEquals("<b>hi</b>", source.doGet("t").as(String.class));
        assertArrayEquals("<b>hi</b>".getBytes(StandardCharsets.UTF_8), source.doGet("t").skipCache().as(byte[].class));
        // non-JSON comes back as text, as in Apollo (§5.1)
        assertEquals("<b>hi</b>", source.doGet("t").as(Object.class));
    }

    @Test
    void jsonMediaTypesAreRecognisedWithParametersAndInAnyCase() {
        upstream.on("/api/hal", r -> Reply.status(200).header("Content-Type", "application/hal+json; charset=utf-8")
                .body("{\"id\":\"h\"}"));
        upstream.on("/api/upper", r -> Reply.status(200).header("Content-Type", "Application/JSON").body("{\"id\":\"u\"}"));
        // JSON; Apollo's case-sensitive match returns a string (§5.2)
        assertEquals("h", source.doGet("hal").as(Movie.class).id);
        assertEquals("u", source.doGet("upper").as(Movie.class).id);
    }

    @Test
    void emptyBodiesParseAsNull() {
        upstream.on("/api/empty", r -> Reply.status(200).header("Content-Type", "application/json"));
        assertNull(source.doGet("empty").as(Movie.class)); // an empty JSON body gives nothing, as in Apollo (§5.3)
    }

    @Test
    void theMethodOfTheRequestCanBeChanged() {
        upstream.on("/api/m", r -> Reply.json("{}"));
        var call = source.doGet("m");
        call.request().method("post");
        call.as(Map.class);
        assertEquals("POST", upstream.last().method()); // the request's method wins, as in Apollo (§3.7)
    }
}

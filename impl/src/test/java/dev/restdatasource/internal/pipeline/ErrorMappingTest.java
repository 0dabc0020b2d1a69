package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Upstream failures become DataSourceExceptions with GraphQL codes, as in Apollo (§6), where only 401 and 403 get a
 * code: here every case has one.
 */
class ErrorMappingTest {
    public static class Movie {
        public String id;
    }

    private final Upstream upstream = new Upstream();
    private final DataSourceConfig config = DataSourceConfig.builder().cache(InMemoryKeyValueCache.create())
            .requestTimeout(Duration.ofMillis(1_500)).build(); // healthy loopback calls answer well within it, even on a busy machine
    private final TestSource source = new TestSource(config, upstream.url());

    @AfterEach
    void stop() {
        upstream.close();
    }

    @ParameterizedTest
    @CsvSource({"400,BAD_REQUEST,Bad Request", "401,UNAUTHENTICATED,Unauthorized", "403,FORBIDDEN,Forbidden",
        "404,NOT_FOUND,Not Found", "409,UPSTREAM_ERROR,Conflict", "422,BAD_REQUEST,Unprocessable Content",
        "429,UPSTREAM_ERROR,Too Many Requests", "500,UPSTREAM_ERROR,Internal Server Error",
        "502,UPSTREAM_ERROR,Bad Gateway", "503,UPSTREAM_ERROR,Service Unavailable"})
    void errorStatusesGetTheirCode(int status, String code, String text) {
        upstream.on("/e", r -> Reply.status(status).header("Content-Type", "application/json").body("{\"reason\":\"x\"}"));
        DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("e").as(Movie.class));
        assertEquals(code, e.code());
        assertEquals(status, e.status());
        assertEquals(text, e.statusText());
        assertEquals(status + ": " + text, e.getMessage()); // "<status>: <statusText>", as in Apollo (§6.2)
        assertEquals(upstream.url() + "e", e.url().toString());
        assertEquals(Map.of("reason", "x"), e.body()); // the parsed error body, as in Apollo (§6.4)
    }

    @Test
    void aMalformedJsonErrorBodyDoesNotHideTheHttpError() {
        upstream.on("/e", r -> Reply.status(503).header("Content-Type", "application/json").body("{oops"));
        DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("e").as(Movie.class));
        // the HTTP error wins; Apollo parses first and throws the JSON parse error instead (§5.6)
        assertEquals(ErrorCode.UPSTREAM_ERROR, e.code());
        assertEquals("{oops", e.body());
    }

    @Test
    void malformedJsonIsAClearErrorNamingTheUrlAndContentType() {
        upstream.on("/bad", r -> Reply.status(200).header("Content-Type", "application/json; charset=utf-8").body("{\"id\": "));
        DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("bad").as(Movie.class));
        assertEquals(ErrorCode.INVALID_UPSTREAM_RESPONSE, e.code());
        assertTrue(e.getMessage().contains(upstream.url() + "bad"), e.getMessage());
        assertTrue(e.getMessage().contains("application/json; charset=utf-8"), e.getMessage());
    }

    @Test
    void aNonJsonBodyWhereJsonIsExpectedIsAClearError() {
        upstream.on("/html", r -> Reply.status(200).header("Content-Type", "text/html").body("<html>login</html>"));
        DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("html").as(Movie.class));
        assertEquals(ErrorCode.INVALID_UPSTREAM_RESPONSE, e.code());
        assertTrue(e.getMessage().contains("'text/html'") && e.getMessage().contains(upstream.url() + "html"), e.getMessage());
        upstream.on("/none", r -> Reply.status(200).body("{\"id\":\"1\"}"));
        DataSourceException missing = assertThrows(DataSourceException.class, () -> source.doGet("none").as(Movie.class));
        assertTrue(missing.getMessage().contains("content type is missing"), missing.getMessage());
    }

    @Test
    void jsonOfTheWrongShapeIsAClearError() {
        upstream.on("/arr", r -> Reply.json("[1,2]"));
        DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("arr").as(Movie.class));
        assertEquals(ErrorCode.INVALID_UPSTREAM_RESPONSE, e.code());
        assertTrue(e.getMessage().contains(Movie.class.getName()), e.getMessage());
    }

    @Test
    void aSlowUpstreamTimesOut() {
        upstream.on("/slow", r -> Reply.json("{}").delay(3000));
        DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("slow").as(Movie.class));
        assertEquals(ErrorCode.UPSTREAM_TIMEOUT, e.code());
        assertEquals(0, e.status());
    }

    @Test
    void aPerCallTimeoutWinsOverTheDefault() {
        upstream.on("/slow", r -> Reply.json("{\"id\":\"1\"}").delay(2_000));
        assertEquals("1", source.doGet("slow").timeout(Duration.ofSeconds(30)).as(Movie.class).id);
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        TestSource dead = new TestSource(config, "http://127.0.0.1:" + deadPort + "/");
        DataSourceException e = assertThrows(DataSourceException.class, () -> dead.doGet("x").as(Movie.class));
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
        assertEquals("http://127.0.0.1:" + deadPort + "/x", e.url().toString());
    }

    @Test
    void asyncCallsFailWithTheSameException() {
        upstream.on("/e", r -> Reply.status(401));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> source.doGet("e").asAsync(Movie.class).toCompletableFuture().get(10, TimeUnit.SECONDS));
        DataSourceException cause = assertInstanceOf(DataSourceException.class, e.getCause());
        assertEquals(ErrorCode.UNAUTHENTICATED, cause.code());
    }

    @Test
    void notFoundCanBeNull() {
        upstream.on("/missing", r -> Reply.status(404));
        // Apollo's users ask for a 404 as null (§17.5)
        assertNull(source.doGet("missing").notFoundAsNull().as(Movie.class));
        assertThrows(DataSourceException.class, () -> source.doGet("missing").as(Movie.class));
    }
}

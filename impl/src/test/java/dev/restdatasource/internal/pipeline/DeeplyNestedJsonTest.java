package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.internal.json.Json;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hostile upstream answering JSON nested 1,000 levels deep (a 2 KB body) on a real socket: the call fails with a
 * code and {@code didEncounterError}, never with a StackOverflowError; in an error body the nesting leaves the body
 * as text and the HTTP error's code stands.
 */
class DeeplyNestedJsonTest {
    private final Upstream upstream = new Upstream();
    private final List<RuntimeException> reported = new CopyOnWriteArrayList<>();
    private final TestSource source = new TestSource(DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).build(),
            upstream.url()) {
        @Override
        protected void didEncounterError(RuntimeException error, DataSourceRequest request, URI url) {
            reported.add(error);
        }
    };

    @AfterEach
    void stop() {
        upstream.close();
    }

    static String nested(char open, int depth) {
        String inner = open == '[' ? "[" : "{\"a\":";
        String close = open == '[' ? "]" : "}";
        return inner.repeat(depth) + (open == '[' ? "" : "1") + close.repeat(depth);
    }

    @ParameterizedTest
    @ValueSource(chars = {'[', '{'})
    void aSuccessBodyNestedTooDeepIsAnInvalidUpstreamResponse(char open) {
        String body = nested(open, 1_000);
        upstream.on("/deep", r -> Reply.status(200).header("Content-Type", "application/json").body(body));
        DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("deep").as(Object.class));
        assertEquals(ErrorCode.INVALID_UPSTREAM_RESPONSE, e.code());
        assertTrue(e.getMessage().contains("nested more than " + Json.MAX_DEPTH), e.getMessage());
        assertEquals(List.of(e), reported);
    }

    @ParameterizedTest
    @ValueSource(chars = {'[', '{'})
    void anErrorBodyNestedTooDeepStaysText(char open) {
        String body = nested(open, 1_000);
        upstream.on("/deep", r -> Reply.status(500).header("Content-Type", "application/json").body(body));
        DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("deep").as(Object.class));
        assertEquals(ErrorCode.UPSTREAM_ERROR, e.code());
        assertEquals(500, e.status());
        assertEquals(body, e.body());
        assertEquals(List.of(e), reported);
    }

    @Test
    void nestingUpToTheLimitIsParsed() {
        String body = "{\"a\":" + nested('[', Json.MAX_DEPTH - 1) + "}";
        upstream.on("/ok", r -> Reply.status(200).header("Content-Type", "application/json").body(body));
        Object parsed = source.doGet("ok").as(Object.class);
        assertInstanceOf(Map.class, parsed);
        assertEquals(List.of(), reported);
    }
}

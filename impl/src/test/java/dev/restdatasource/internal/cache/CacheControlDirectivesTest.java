package dev.restdatasource.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.Headers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * RFC 9111 §5.2 (and §5.4 Pragma): a message's Cache-Control read once into the typed records the rules use,
 * with the same readings as the general parser ({@link CacheControlParserTest}).
 */
class CacheControlDirectivesTest {
    private static RequestDirectives request(String... headers) {
        return RequestDirectives.of(Headers.of(headers));
    }

    private static ResponseDirectives response(String... headers) {
        return ResponseDirectives.of(Headers.of(headers));
    }

    @Nested
    class Request {
        @Test
        void noHeaderReadsAsNoneWithoutAllocating() {
            assertSame(RequestDirectives.NONE, request());
            assertSame(RequestDirectives.NONE, request("accept", "*/*", "pragma", "x"));
        }

        @Test
        void everyDirectiveARuleReadsIsTyped() {
            RequestDirectives d = request("Cache-Control", "No-Cache, no-store, max-age=10, max-stale=20, min-fresh=30",
                    "cache-control", "only-if-cached, stale-if-error=40");
            assertEquals(new RequestDirectives(true, true, 10, 20, 30, true, 40), d);
        }

        @Test
        void absentDeltaSecondsAreAbsent() {
            RequestDirectives d = request("cache-control", "no-cache");
            assertEquals(RequestDirectives.ABSENT, d.maxAge());
            assertEquals(RequestDirectives.ABSENT, d.maxStale());
            assertEquals(RequestDirectives.ABSENT, d.minFresh());
            assertEquals(RequestDirectives.ABSENT, d.staleIfError());
        }

        @Test
        void maxStaleWithoutArgumentAcceptsAnyStaleness() { // RFC 9111 §5.2.1.2
            assertEquals(RequestDirectives.ANY_STALENESS, request("cache-control", "max-stale").maxStale());
            assertEquals(0, request("cache-control", "max-stale=").maxStale());
            assertEquals(0, request("cache-control", "max-stale=abc").maxStale());
        }

        @Test
        void theFirstOccurrenceWins() {
            assertEquals(10, request("cache-control", "max-age=10", "cache-control", "max-age=600").maxAge());
            assertEquals(RequestDirectives.ANY_STALENESS, request("cache-control", "max-stale, max-stale=5").maxStale());
            assertEquals(5, request("cache-control", "max-stale=5, max-stale").maxStale());
        }

        @Test
        void badDeltaSecondsReadAsZero() {
            assertEquals(0, request("cache-control", "max-age=-1").maxAge());
            assertEquals(0, request("cache-control", "min-fresh").minFresh());
        }

        @Test
        void pragmaNoCacheIsNoCacheWithoutCacheControl() { // RFC 9111 §5.4
            assertTrue(request("pragma", "No-Cache").noCache());
            assertFalse(request("pragma", "no-cache", "cache-control", "max-age=5").noCache());
            assertEquals(5, request("pragma", "no-cache", "cache-control", "max-age=5").maxAge());
        }
    }

    @Nested
    class Response {
        @Test
        void noHeaderReadsAsNoneWithoutAllocating() {
            assertSame(ResponseDirectives.NONE, response("etag", "\"a\""));
        }

        @Test
        void everyDirectiveARuleReadsIsTyped() {
            ResponseDirectives d = response("cache-control", "no-store, no-cache, private, public, must-revalidate",
                    "cache-control", "proxy-revalidate, max-age=1, s-maxage=2, stale-while-revalidate=3, stale-if-error=4");
            assertEquals(new ResponseDirectives(true, true, true, true, true, true, 1, 2, 3, 4), d);
        }

        @Test
        void qualifiedNoCacheAndPrivateCountAsTheUnqualifiedDirectives() { // RFC 9111 §5.2.2.4, §5.2.2.7
            ResponseDirectives d = response("cache-control", "no-cache=\"set-cookie\", private=\"x-user\"");
            assertTrue(d.noCache());
            assertTrue(d.isPrivate());
        }

        @Test
        void theFirstOccurrenceWins() {
            assertEquals(10, response("cache-control", "s-maxage=10, s-maxage=600").sMaxage());
        }

        @Test
        void staleWindowsAreZeroWhenAbsentAndTheLargerOfBoth() {
            assertEquals(0, response("cache-control", "max-age=1").staleWindow().getSeconds());
            assertEquals(0, response("cache-control", "max-age=1").staleWhileRevalidateWindow().getSeconds());
            assertEquals(7, response("cache-control", "stale-while-revalidate=7, stale-if-error=3").staleWindow().getSeconds());
            assertEquals(9, response("cache-control", "stale-while-revalidate=7, stale-if-error=9").staleWindow().getSeconds());
        }

        @Test
        void revalidationDirectivesForbidServingStale() {
            assertTrue(response("cache-control", "must-revalidate").forbidsStale());
            assertTrue(response("cache-control", "proxy-revalidate").forbidsStale());
            assertTrue(response("cache-control", "no-cache").forbidsStale());
            assertFalse(response("cache-control", "max-age=5, public").forbidsStale());
        }
    }
}

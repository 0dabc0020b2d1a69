package dev.restdatasource.internal.cache;

import static dev.restdatasource.internal.cache.PolicyFixtures.POLICY;
import static dev.restdatasource.internal.cache.PolicyFixtures.T0_DATE;
import static dev.restdatasource.internal.cache.PolicyFixtures.at;
import static dev.restdatasource.internal.cache.PolicyFixtures.date;
import static dev.restdatasource.internal.cache.PolicyFixtures.dated;
import static dev.restdatasource.internal.cache.PolicyFixtures.get;
import static dev.restdatasource.internal.cache.PolicyFixtures.lookupAt;
import static dev.restdatasource.internal.cache.PolicyFixtures.seconds;
import static dev.restdatasource.internal.cache.PolicyFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.Headers;
import dev.restdatasource.internal.cache.Lookup.Action;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * RFC 9111 §4.3: validation (conditional requests, 304 handling, freshening). Apollo revalidates the same way
 * (§11.1-§11.4), but uses the stored body even when a 304's validators do not match (§11.8).
 */
class Rfc9111ValidationTest {
    private static final String LAST_MODIFIED = "Sun, 31 Dec 2023 00:00:00 GMT";

    @Nested
    class Must {
        @Test
        void staleResponseWithETagRevalidatesWithIfNoneMatch() { // RFC 9111 §4.3.1; Apollo sends it too (§11.1)
            Lookup lookup = lookupAt(get(), stored(dated("cache-control", "max-age=60", "etag", "W/\"v1\"")), 61);
            assertEquals(Action.REVALIDATE, lookup.action());
            assertEquals(Headers.of("if-none-match", "W/\"v1\""), lookup.conditionalHeaders());
        }

        @Test
        void staleResponseWithLastModifiedRevalidatesWithIfModifiedSince() {
            Lookup lookup = lookupAt(get(), stored(dated("cache-control", "max-age=60",
                    "last-modified", LAST_MODIFIED)), 61);
            assertEquals(Action.REVALIDATE, lookup.action());
            assertEquals(Headers.of("if-modified-since", LAST_MODIFIED), lookup.conditionalHeaders());
        }

        @Test
        void staleResponseWithBothValidatorsSendsBoth() {
            Lookup lookup = lookupAt(get(), stored(dated("cache-control", "max-age=60", "etag", "\"v1\"",
                    "last-modified", LAST_MODIFIED)), 61);
            assertEquals("\"v1\"", lookup.conditionalHeaders().first("if-none-match"));
            assertEquals(LAST_MODIFIED, lookup.conditionalHeaders().first("if-modified-since"));
        }

        @Test
        void staleResponseWithoutValidatorsIsFetchedUnconditionally() { // as in Apollo (§11.4)
            Lookup lookup = lookupAt(get(), stored(dated("cache-control", "max-age=60")), 61);
            assertEquals(Action.FETCH, lookup.action());
            assertTrue(lookup.conditionalHeaders().isEmpty());
        }

        @Test
        void notModifiedWithTheSameStrongETagMatches() { // RFC 9111 §4.3.4
            assertTrue(POLICY.notModifiedMatches(stored(dated("etag", "\"v1\"")), Headers.of("etag", "\"v1\"")));
        }

        @Test
        void notModifiedETagsAreComparedWeakly() { // RFC 9111 §4.3.4 uses the weak comparison
            assertTrue(POLICY.notModifiedMatches(stored(dated("etag", "\"v1\"")), Headers.of("etag", "W/\"v1\"")));
            assertTrue(POLICY.notModifiedMatches(stored(dated("etag", "W/\"v1\"")), Headers.of("etag", "\"v1\"")));
        }

        @Test
        void notModifiedWithADifferentETagDoesNotMatch() { // Apollo still uses the stored body (§11.8)
            assertFalse(POLICY.notModifiedMatches(stored(dated("etag", "\"v1\"")), Headers.of("etag", "\"v2\"")));
        }

        @Test
        void notModifiedWithAnETagDoesNotMatchAStoredResponseWithout() {
            assertFalse(POLICY.notModifiedMatches(stored(dated("last-modified", LAST_MODIFIED)),
                    Headers.of("etag", "\"v1\"")));
        }

        @Test
        void notModifiedWithTheSameLastModifiedMatches() {
            assertTrue(POLICY.notModifiedMatches(stored(dated("last-modified", LAST_MODIFIED)),
                    Headers.of("last-modified", LAST_MODIFIED)));
        }

        @Test
        void notModifiedWithADifferentLastModifiedDoesNotMatch() {
            assertFalse(POLICY.notModifiedMatches(stored(dated("last-modified", LAST_MODIFIED)),
                    Headers.of("last-modified", T0_DATE)));
        }

        @Test
        void notModifiedWithoutValidatorsMatches() {
            assertTrue(POLICY.notModifiedMatches(stored(dated("etag", "\"v1\"")), Headers.of("date", T0_DATE)));
        }

        @Test
        void freshenReplacesStoredFieldsWithThoseOfThe304() { // RFC 9111 §3.2; as in Apollo (§11.2)
            StoredResponse old = stored(dated("cache-control", "max-age=60", "etag", "\"v1\"", "x-a", "old",
                    "x-b", "kept"));
            StoredResponse fresh = POLICY.freshen(old, Headers.of("date", date(100), "cache-control",
                    "max-age=120", "x-a", "new"), at(99), at(100));
            assertEquals("max-age=120", fresh.headers().first("cache-control"));
            assertEquals("new", fresh.headers().first("x-a"));
            assertEquals(1, fresh.headers().all("x-a").size());
            assertEquals("kept", fresh.headers().first("x-b"));
            assertEquals("\"v1\"", fresh.headers().first("etag"));
            assertEquals(date(100), fresh.headers().first("date"));
        }

        @Test
        void freshenKeepsContentFieldsAndDropsFieldsNeverStored() { // RFC 9111 §3.2
            StoredResponse old = stored(dated("content-length", "3", "content-encoding", "gzip",
                    "content-range", "bytes 0-2/3"));
            StoredResponse fresh = POLICY.freshen(old, Headers.of("content-length", "0", "content-encoding",
                    "br", "content-range", "bytes 0-0/1", "transfer-encoding", "chunked", "set-cookie", "a=b",
                    "connection", "x-hop", "x-hop", "1"), at(10), at(10));
            assertEquals("3", fresh.headers().first("content-length"));
            assertEquals("gzip", fresh.headers().first("content-encoding"));
            assertEquals("bytes 0-2/3", fresh.headers().first("content-range"));
            assertFalse(fresh.headers().contains("transfer-encoding"));
            assertFalse(fresh.headers().contains("set-cookie"));
            assertFalse(fresh.headers().contains("x-hop"));
        }

        @Test
        void freshenKeepsBodyStatusOverrideAndVaryFingerprint() {
            StoredResponse old = new StoredResponse(404, dated("etag", "\"v1\""), new byte[] {9, 8},
                    at(0), at(0), seconds(30), "fp-1");
            StoredResponse fresh = POLICY.freshen(old, Headers.of("etag", "\"v1\""), at(50), at(51));
            assertEquals(404, fresh.status());
            assertArrayEquals(new byte[] {9, 8}, fresh.body());
            assertEquals(seconds(30), fresh.ttlOverride());
            assertEquals("fp-1", fresh.varyFingerprint());
            assertEquals(at(50), fresh.requestTime());
            assertEquals(at(51), fresh.responseTime());
        }
    }

    @Nested
    class Should {
        @Test
        void ageStartsAgainAfterFreshening() { // as in Apollo (§11.2)
            StoredResponse old = stored(dated("cache-control", "max-age=60", "age", "50", "etag", "\"v1\""));
            StoredResponse fresh = POLICY.freshen(old, Headers.of("date", date(100), "etag", "\"v1\""),
                    at(100), at(100));
            Lookup lookup = lookupAt(get(), fresh, 110);
            assertEquals(seconds(10), lookup.age());
            assertEquals(Action.SERVE, lookup.action());
            assertNull(fresh.headers().first("age"));
        }

        @Test
        void freshenRecordsADateWhenThe304HasNone() { // RFC 9110 §6.6.1
            StoredResponse old = stored(dated("cache-control", "max-age=60", "etag", "\"v1\""));
            StoredResponse fresh = POLICY.freshen(old, Headers.of("etag", "\"v1\""), at(200), at(200));
            assertEquals(date(200), fresh.headers().first("date"));
            assertEquals(seconds(5), lookupAt(get(), fresh, 205).age());
        }

        @Test
        void freshenTakesTheAgeOfThe304() {
            StoredResponse old = stored(dated("cache-control", "max-age=60", "etag", "\"v1\""));
            StoredResponse fresh = POLICY.freshen(old, Headers.of("date", date(100), "age", "20"), at(100), at(100));
            assertEquals(seconds(25), lookupAt(get(), fresh, 105).age());
        }
    }
}

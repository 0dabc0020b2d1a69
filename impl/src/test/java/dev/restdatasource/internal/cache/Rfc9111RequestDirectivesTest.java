package dev.restdatasource.internal.cache;

import static dev.restdatasource.internal.cache.PolicyFixtures.dated;
import static dev.restdatasource.internal.cache.PolicyFixtures.get;
import static dev.restdatasource.internal.cache.PolicyFixtures.lookupAt;
import static dev.restdatasource.internal.cache.PolicyFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.internal.cache.Lookup.Action;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9111 §5.2.1: request Cache-Control directives (and §5.4 Pragma), honoured as in Apollo (§10.2). */
class Rfc9111RequestDirectivesTest {
    private static final StoredResponse FRESH_60_WITH_ETAG = stored(dated("cache-control", "max-age=60",
            "etag", "\"v1\""));
    private static final StoredResponse FRESH_60 = stored(dated("cache-control", "max-age=60"));

    @Nested
    class Must {
        @Test
        void requestNoCacheRevalidatesAFreshResponse() { // RFC 9111 §5.2.1.4
            Lookup lookup = lookupAt(get("cache-control", "no-cache"), FRESH_60_WITH_ETAG, 1);
            assertEquals(Action.REVALIDATE, lookup.action());
            assertEquals("\"v1\"", lookup.conditionalHeaders().first("if-none-match"));
        }

        @Test
        void requestNoCacheWithoutValidatorsFetches() {
            assertEquals(Action.FETCH, lookupAt(get("cache-control", "no-cache"), FRESH_60, 1).action());
        }

        @Test
        void pragmaNoCacheActsAsNoCacheWithoutCacheControl() { // RFC 9111 §5.4
            assertEquals(Action.REVALIDATE, lookupAt(get("pragma", "no-cache"), FRESH_60_WITH_ETAG, 1).action());
        }

        @Test
        void pragmaIsIgnoredWhenTheRequestHasCacheControl() { // RFC 9111 §5.4
            assertEquals(Action.SERVE, lookupAt(get("pragma", "no-cache", "cache-control", "max-age=600"),
                    FRESH_60_WITH_ETAG, 1).action());
        }

        @Test
        void requestMaxAgeRejectsAnOlderFreshResponse() { // RFC 9111 §5.2.1.1
            Lookup lookup = lookupAt(get("cache-control", "max-age=10"), FRESH_60_WITH_ETAG, 30);
            assertEquals(Action.REVALIDATE, lookup.action());
            assertFalse(lookup.stale());
        }

        @Test
        void requestMaxAgeAcceptsAResponseExactlyThatOld() {
            assertEquals(Action.SERVE, lookupAt(get("cache-control", "max-age=10"), FRESH_60, 10).action());
        }

        @Test
        void requestMaxAgeZeroForcesValidation() {
            assertEquals(Action.FETCH, lookupAt(get("cache-control", "max-age=0"), FRESH_60, 1).action());
        }

        @Test
        void requestMinFreshRejectsAResponseAboutToExpire() { // RFC 9111 §5.2.1.3
            assertEquals(Action.REVALIDATE, lookupAt(get("cache-control", "min-fresh=20"),
                    FRESH_60_WITH_ETAG, 50).action());
        }

        @Test
        void requestMinFreshAcceptsAResponseFreshLongEnough() {
            assertEquals(Action.SERVE, lookupAt(get("cache-control", "min-fresh=20"), FRESH_60, 40).action());
        }

        @Test
        void onlyIfCachedServesAFreshResponse() { // RFC 9111 §5.2.1.7
            assertEquals(Action.SERVE, lookupAt(get("cache-control", "only-if-cached"), FRESH_60, 30).action());
        }

        @Test
        void onlyIfCachedAnswersGatewayTimeoutInsteadOfGoingUpstream() { // RFC 9111 §5.2.1.7
            Lookup lookup = lookupAt(get("cache-control", "only-if-cached"), FRESH_60_WITH_ETAG, 61);
            assertEquals(Action.GATEWAY_TIMEOUT, lookup.action());
            assertTrue(lookup.conditionalHeaders().isEmpty());
        }

        @Test
        void onlyIfCachedWithNoCacheAnswersGatewayTimeout() {
            assertEquals(Action.GATEWAY_TIMEOUT, lookupAt(get("cache-control", "only-if-cached, no-cache"),
                    FRESH_60, 1).action());
        }
    }

    @Nested
    class Should {
        @Test
        void maxStaleWithoutValueServesAnyStaleness() { // RFC 9111 §5.2.1.2
            Lookup lookup = lookupAt(get("cache-control", "max-stale"), FRESH_60_WITH_ETAG, 100_000);
            assertEquals(Action.SERVE, lookup.action());
            assertTrue(lookup.stale());
        }

        @Test
        void maxStaleWithValueServesUpToThatStaleness() {
            assertEquals(Action.SERVE, lookupAt(get("cache-control", "max-stale=30"), FRESH_60, 90).action());
            assertEquals(Action.FETCH, lookupAt(get("cache-control", "max-stale=30"), FRESH_60, 91).action());
        }

        @ParameterizedTest
        @ValueSource(strings = {"max-age=60, must-revalidate", "max-age=60, proxy-revalidate", "s-maxage=60",
                "max-age=60, no-cache"})
        void maxStaleIsRefusedWhenTheResponseRequiresRevalidation(String cacheControl) { // RFC 9111 §5.2.2.2/.8/.10
            StoredResponse s = stored(dated("cache-control", cacheControl, "etag", "\"v1\""));
            Lookup lookup = lookupAt(get("cache-control", "max-stale"), s, 120);
            assertEquals(Action.REVALIDATE, lookup.action());
        }

        @Test
        void onlyIfCachedWithMaxStaleServesAStaleResponse() {
            assertEquals(Action.SERVE, lookupAt(get("cache-control", "only-if-cached, max-stale"),
                    FRESH_60, 3600).action());
        }

        @Test
        void invalidRequestMaxAgeCountsAsZero() {
            assertEquals(Action.FETCH, lookupAt(get("cache-control", "max-age=soon"), FRESH_60, 1).action());
        }

        @Test
        void requestNoStoreDoesNotStopServingAStoredResponse() { // RFC 9111 §5.2.1.5 only forbids storing
            assertEquals(Action.SERVE, lookupAt(get("cache-control", "no-store"), FRESH_60, 1).action());
        }
    }
}

package dev.restdatasource.internal.cache;

import static dev.restdatasource.internal.cache.PolicyFixtures.POLICY;
import static dev.restdatasource.internal.cache.PolicyFixtures.at;
import static dev.restdatasource.internal.cache.PolicyFixtures.dated;
import static dev.restdatasource.internal.cache.PolicyFixtures.get;
import static dev.restdatasource.internal.cache.PolicyFixtures.lookupAt;
import static dev.restdatasource.internal.cache.PolicyFixtures.planGet;
import static dev.restdatasource.internal.cache.PolicyFixtures.seconds;
import static dev.restdatasource.internal.cache.PolicyFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.internal.cache.Lookup.Action;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 5861 §3 (stale-while-revalidate) and §4 (stale-if-error). Apollo ignores stale-while-revalidate (§11.5) and
 * covers only 5xx with stale-if-error (§11.6, §11.7); it too keeps an entry stored longer by its windows (§9.13).
 */
class Rfc5861StaleExtensionsTest {
    private static final StoredResponse SWR = stored(dated("cache-control",
            "max-age=60, stale-while-revalidate=30", "etag", "\"v1\""));
    private static final StoredResponse SIE = stored(dated("cache-control", "max-age=60, stale-if-error=120"));

    @Nested
    class StaleWhileRevalidate {
        @Test
        void staleResponseInsideTheWindowIsServedAndRevalidated() { // Apollo waits for upstream (§11.5)
            Lookup lookup = lookupAt(get(), SWR, 70);
            assertEquals(Action.SERVE_STALE_AND_REVALIDATE, lookup.action());
            assertTrue(lookup.stale());
            assertEquals(seconds(70), lookup.age());
            assertEquals("\"v1\"", lookup.conditionalHeaders().first("if-none-match"));
        }

        @Test
        void freshResponseIsServedPlainly() {
            assertEquals(Action.SERVE, lookupAt(get(), SWR, 59).action());
        }

        @Test
        void windowEndsAtLifetimePlusN() {
            assertEquals(Action.SERVE_STALE_AND_REVALIDATE, lookupAt(get(), SWR, 89).action());
            assertEquals(Action.REVALIDATE, lookupAt(get(), SWR, 90).action());
        }

        @Test
        void windowWithoutValidatorsHasNoConditionalHeaders() {
            Lookup lookup = lookupAt(get(), stored(dated("cache-control", "max-age=10, stale-while-revalidate=10")), 15);
            assertEquals(Action.SERVE_STALE_AND_REVALIDATE, lookup.action());
            assertTrue(lookup.conditionalHeaders().isEmpty());
        }

        @Test
        void mustRevalidateCancelsTheWindow() {
            assertEquals(Action.REVALIDATE, lookupAt(get(), stored(dated("cache-control",
                    "max-age=60, stale-while-revalidate=30, must-revalidate", "etag", "\"v1\"")), 70).action());
        }

        @Test
        void noCacheCancelsTheWindow() {
            assertEquals(Action.FETCH, lookupAt(get(), stored(dated("cache-control",
                    "no-cache, stale-while-revalidate=30")), 5).action());
        }

        @Test
        void sMaxageDoesNotCancelAnExplicitWindow() { // documented choice in CachePolicy
            assertEquals(Action.SERVE_STALE_AND_REVALIDATE, lookupAt(get(), stored(dated("cache-control",
                    "s-maxage=60, stale-while-revalidate=30")), 70).action());
        }

        @Test
        void requestMaxAgeStillLimitsTheWindow() {
            assertEquals(Action.REVALIDATE, lookupAt(get("cache-control", "max-age=65"), SWR, 70).action());
        }

        @Test
        void requestNoCacheStillRevalidates() {
            assertEquals(Action.REVALIDATE, lookupAt(get("cache-control", "no-cache"), SWR, 70).action());
        }

        @Test
        void windowIsPreferredOverMaxStaleSoTheEntryGetsRefreshed() {
            assertEquals(Action.SERVE_STALE_AND_REVALIDATE,
                    lookupAt(get("cache-control", "max-stale"), SWR, 70).action());
        }

        @Test
        void onlyIfCachedIsSatisfiedByTheWindow() {
            assertEquals(Action.SERVE_STALE_AND_REVALIDATE,
                    lookupAt(get("cache-control", "only-if-cached"), SWR, 70).action());
        }

        @Test
        void windowExtendsTheStoreTtl() { // as in Apollo (§9.13)
            assertEquals(seconds(90), planGet(200, dated("cache-control",
                    "max-age=60, stale-while-revalidate=30")).storeTtl());
        }
    }

    @Nested
    class StaleIfError {
        // Apollo covers 500, 502, 503 and 504 (§11.6) but not network errors (§11.7)
        @ParameterizedTest
        @ValueSource(ints = {0, 500, 502, 503, 504})
        void staleResponseInsideTheWindowMayAnswerAnOutageOrNetworkError(int failure) {
            assertTrue(POLICY.mayServeStaleOnError(get(), SIE, failure, at(150)));
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 404, 429, 501, 505})
        void otherFailuresAreNotCovered(int failure) {
            assertFalse(POLICY.mayServeStaleOnError(get(), SIE, failure, at(150)));
        }

        @Test
        void windowEndsAtLifetimePlusN() {
            assertTrue(POLICY.mayServeStaleOnError(get(), SIE, 503, at(179)));
            assertFalse(POLICY.mayServeStaleOnError(get(), SIE, 503, at(180)));
        }

        @Test
        void withoutStaleIfErrorNothingStaleIsServedOnError() { // RFC 9111 §4.2.4
            assertFalse(POLICY.mayServeStaleOnError(get(), stored(dated("cache-control", "max-age=60")), 503, at(61)));
        }

        @Test
        void requestStaleIfErrorGrantsAWindow() {
            StoredResponse s = stored(dated("cache-control", "max-age=60"));
            assertTrue(POLICY.mayServeStaleOnError(get("cache-control", "stale-if-error=100"), s, 0, at(159)));
            assertFalse(POLICY.mayServeStaleOnError(get("cache-control", "stale-if-error=100"), s, 0, at(160)));
        }

        @Test
        void theLargerOfRequestAndResponseWindowsApplies() {
            assertTrue(POLICY.mayServeStaleOnError(get("cache-control", "stale-if-error=10"), SIE, 500, at(170)));
        }

        @Test
        void mustRevalidateForbidsStaleOnError() {
            StoredResponse s = stored(dated("cache-control", "max-age=60, stale-if-error=120, must-revalidate"));
            assertFalse(POLICY.mayServeStaleOnError(get(), s, 503, at(70)));
        }

        @Test
        void proxyRevalidateAndNoCacheForbidStaleOnError() {
            assertFalse(POLICY.mayServeStaleOnError(get(), stored(dated("cache-control",
                    "max-age=60, stale-if-error=120, proxy-revalidate")), 503, at(70)));
            assertFalse(POLICY.mayServeStaleOnError(get(), stored(dated("cache-control",
                    "no-cache, stale-if-error=120")), 503, at(70)));
        }

        @Test
        void windowExtendsTheStoreTtlByTheLargerWindow() { // Apollo adds both windows (§9.13)
            assertEquals(seconds(180), planGet(200, dated("cache-control",
                    "max-age=60, stale-if-error=120, stale-while-revalidate=30")).storeTtl());
        }

        @Test
        void staleIfErrorDoesNotServeStaleWithoutAnError() {
            assertEquals(Action.FETCH, lookupAt(get(), SIE, 61).action());
        }
    }
}

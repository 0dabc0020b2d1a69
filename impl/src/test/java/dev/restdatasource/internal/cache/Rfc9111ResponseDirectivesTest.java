package dev.restdatasource.internal.cache;

import static dev.restdatasource.internal.cache.PolicyFixtures.POLICY;
import static dev.restdatasource.internal.cache.PolicyFixtures.T0;
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

/**
 * RFC 9111 §5.2.2: response Cache-Control directives. As in Apollo, private and no-store responses are not stored
 * (§9.6); unlike Apollo, must-revalidate (§10.3) and proxy-revalidate (§9.12) do not stop a fresh response being
 * served.
 */
class Rfc9111ResponseDirectivesTest {

    @Nested
    class Must {
        @Test
        void mustRevalidateServesWhileFresh() { // RFC 9111 §5.2.2.2; Apollo revalidates even while fresh (§10.3)
            Lookup lookup = lookupAt(get(), stored(dated("cache-control", "max-age=60, must-revalidate",
                    "etag", "\"v1\"")), 30);
            assertEquals(Action.SERVE, lookup.action());
        }

        @Test
        void mustRevalidateRevalidatesOnceStale() {
            assertEquals(Action.REVALIDATE, lookupAt(get(), stored(dated("cache-control",
                    "max-age=60, must-revalidate", "etag", "\"v1\"")), 60).action());
        }

        @Test
        void responseNoCacheIsAlwaysRevalidatedEvenWithMaxAge() { // RFC 9111 §5.2.2.4
            Lookup lookup = lookupAt(get(), stored(dated("cache-control", "no-cache, max-age=600",
                    "etag", "\"v1\"")), 1);
            assertEquals(Action.REVALIDATE, lookup.action());
            assertEquals("\"v1\"", lookup.conditionalHeaders().first("if-none-match"));
        }

        @Test
        void responseNoCacheWithValidatorsIsStoredOnlyForRevalidation() {
            StorePlan plan = planGet(200, dated("cache-control", "no-cache, max-age=600", "etag", "\"v1\""));
            assertTrue(plan.store());
            assertEquals(seconds(300), plan.storeTtl());
        }

        @Test
        void responseNoCacheWithoutValidatorsOrStaleWindowIsNotStored() {
            assertFalse(planGet(200, dated("cache-control", "no-cache, max-age=600")).store());
        }

        @Test
        void qualifiedNoCacheIsTreatedAsUnqualified() {
            assertEquals(Action.FETCH, lookupAt(get(), stored(dated("cache-control",
                    "no-cache=\"set-cookie\", max-age=60")), 1).action());
        }

        @Test
        void qualifiedPrivateIsTreatedAsUnqualified() {
            assertFalse(planGet(200, dated("cache-control", "private=\"x-user\", max-age=60")).store());
        }

        @Test
        void noStoreWinsOverPublicAndMaxAge() {
            assertFalse(planGet(200, dated("cache-control", "public, max-age=60, no-store")).store());
        }

        @Test
        void proxyRevalidateForbidsServingStale() { // RFC 9111 §5.2.2.8
            assertEquals(Action.FETCH, lookupAt(get("cache-control", "max-stale=100"),
                    stored(dated("cache-control", "max-age=60, proxy-revalidate")), 70).action());
        }
    }

    @Nested
    class Should {
        @Test
        void proxyRevalidateDoesNotShortenFreshness() { // Apollo gives it freshness 0 (§9.12)
            assertEquals(Action.SERVE, lookupAt(get(), stored(dated("cache-control",
                    "max-age=60, proxy-revalidate")), 30).action());
        }

        @Test
        void invalidMaxAgeMakesTheResponseStale() { // RFC 9111 §1.2.2
            assertEquals(Action.REVALIDATE, lookupAt(get(), stored(dated("cache-control", "max-age=\"abc\"",
                    "etag", "\"v1\"")), 0).action());
        }

        @Test
        void firstMaxAgeWinsWhenRepeated() {
            assertEquals(seconds(10), planGet(200, dated("cache-control", "max-age=10",
                    "cache-control", "max-age=1000")).storeTtl());
        }

        @Test
        void publicAloneGivesNoFreshness() {
            assertFalse(planGet(200, dated("cache-control", "public")).store());
        }

        @Test
        void hugeMaxAgeIsClampedNotOverflowed() {
            assertEquals(seconds(2_147_483_648L), POLICY.planStore(get(), 200,
                    dated("cache-control", "max-age=999999999999999"), T0, T0, null).storeTtl());
        }
    }
}

package dev.restdatasource.internal.cache;

import static dev.restdatasource.internal.cache.PolicyFixtures.POLICY;
import static dev.restdatasource.internal.cache.PolicyFixtures.T0;
import static dev.restdatasource.internal.cache.PolicyFixtures.dated;
import static dev.restdatasource.internal.cache.PolicyFixtures.get;
import static dev.restdatasource.internal.cache.PolicyFixtures.lookupAt;
import static dev.restdatasource.internal.cache.PolicyFixtures.planWith;
import static dev.restdatasource.internal.cache.PolicyFixtures.request;
import static dev.restdatasource.internal.cache.PolicyFixtures.seconds;
import static dev.restdatasource.internal.cache.PolicyFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.Headers;
import dev.restdatasource.internal.cache.Lookup.Action;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Apollo's TTL override ({@link CacheOptions}, §12), and our fixes of its leaks: Apollo's override stores private,
 * no-store, authenticated and Set-Cookie responses and serves them to everyone (§12.3, §16.2).
 */
class TtlOverrideTest {
    private static final CacheOptions TTL_60 = CacheOptions.ttl(seconds(60));

    @Nested
    class AsApollo {
        @ParameterizedTest
        @ValueSource(strings = {"GET", "POST", "PUT", "DELETE"})
        void successIsStoredForTheTtlWhateverTheMethod(String method) { // as in Apollo, for every method (§12.3)
            StorePlan plan = planWith(request(method), 200, Headers.empty(), TTL_60);
            assertTrue(plan.store());
            assertEquals(seconds(60), plan.storeTtl());
            assertEquals(seconds(60), plan.ttlOverride());
            assertFalse(plan.perUser());
        }

        @Test
        void headIsNeverStoredEvenWithOverride() { // Apollo never caches HEAD either (§9.2)
            assertFalse(planWith(request("HEAD"), 200, Headers.empty(), TTL_60).store());
        }

        @Test
        void noCacheAndMaxAgeZeroAreOverridden() { // Apollo's override also ignores the response headers (§12.3)
            StorePlan plan = planWith(get(), 200, dated("cache-control", "no-cache, max-age=0"), TTL_60);
            assertEquals(seconds(60), plan.storeTtl());
        }

        @Test
        void zeroTtlMeansDoNotStore() { // a zero TTL stores nothing, as in Apollo (§12.6)
            assertFalse(planWith(get(), 200, dated("cache-control", "max-age=600"), CacheOptions.noStore()).store());
        }

        @Test
        void negativeTtlMeansDoNotStore() { // a negative TTL stores nothing, as in Apollo (§12.6)
            assertFalse(planWith(get(), 200, dated("cache-control", "max-age=600"),
                    CacheOptions.ttl(seconds(-5))).store());
        }

        @Test
        void non2xxIsStoredWithTheTtlWhenHttpAllowsIt() { // as in Apollo, e.g. a GET 404 with max-age (§12.7)
            StorePlan plan = planWith(get(), 404, dated("cache-control", "max-age=5"), CacheOptions.ttl(seconds(120)));
            assertTrue(plan.store());
            assertEquals(seconds(120), plan.storeTtl());
            assertEquals(seconds(120), plan.ttlOverride());
        }

        @Test
        void non2xxWithoutHttpFreshnessIsNotStored() { // an override alone stores no 404, as in Apollo (§12.7)
            assertFalse(planWith(get(), 404, dated(), TTL_60).store());
        }

        @Test
        void serverErrorIsNeverStoredWithOverride() { // Apollo never stores a 500 with a TTL either (§12.7)
            assertFalse(planWith(get(), 500, dated("cache-control", "max-age=60"), TTL_60).store());
        }

        @Test
        void non2xxToAPostIsNotStored() {
            assertFalse(planWith(request("POST"), 404, dated("cache-control", "max-age=60"), TTL_60).store());
        }

        @Test
        void upstreamAgeCountsAgainstTheTtl() { // as in Apollo: an Age at or over the TTL is never served (§12.8)
            assertEquals(seconds(40), planWith(get(), 200, dated("age", "20"), TTL_60).storeTtl());
            assertFalse(planWith(get(), 200, dated("age", "60"), TTL_60).store());
        }

        @Test
        void validatorsKeepTheEntryForRevalidation() { // Apollo doubles the TTL (§12.9); we keep max(ttl, 5 min) more
            assertEquals(seconds(360), planWith(get(), 200, dated("etag", "\"v1\""), TTL_60).storeTtl());
        }

        // as in Apollo, which serves an override entry by its recorded TTL, whatever its headers say (§12.4, §12.5)
        @Test
        void entryIsServedWhileAgeIsBelowTheRecordedTtlIgnoringHeaders() {
            StoredResponse s = stored(200, dated("cache-control", "no-cache, must-revalidate, max-age=0",
                    "etag", "\"v1\""), seconds(60));
            assertEquals(Action.SERVE, lookupAt(get(), s, 59).action());
            assertEquals(Action.REVALIDATE, lookupAt(get(), s, 60).action());
        }

        @Test
        void entryAgeIncludesTheUpstreamAge() { // as in Apollo, whose age includes the upstream Age (§12.8)
            StoredResponse s = stored(200, dated("age", "50"), seconds(60));
            assertEquals(Action.SERVE, lookupAt(get(), s, 9).action());
            assertEquals(Action.FETCH, lookupAt(get(), s, 10).action());
        }
    }

    @Nested
    class OurFixes {
        @Test
        void requestDirectivesAreStillHonouredForOverrideEntries() { // Apollo's override entries ignore them (§12.4)
            StoredResponse s = stored(200, dated("etag", "\"v1\""), seconds(60));
            assertEquals(Action.REVALIDATE, lookupAt(get("cache-control", "no-cache"), s, 1).action());
            assertEquals(Action.REVALIDATE, lookupAt(get("cache-control", "max-age=5"), s, 10).action());
        }

        @Test
        void noStoreIsNeverStoredByAnOverride() { // Apollo's override stores no-store (§12.3, §16.2)
            StorePlan plan = planWith(get(), 200, dated("cache-control", "no-store"), TTL_60);
            assertFalse(plan.store());
            assertEquals("response no-store", plan.reason());
        }

        @Test
        void privateIsNotStoredByAPlainOverride() { // Apollo's override stores and shares it (§12.3, §16.2)
            StorePlan plan = planWith(get(), 200, dated("cache-control", "private"), TTL_60);
            assertFalse(plan.store());
            assertEquals("private response", plan.reason());
        }

        // Apollo's override stores it and serves it to every caller (§16.2)
        @ParameterizedTest
        @ValueSource(strings = {"authorization", "cookie", "proxy-authorization"})
        void credentialedRequestIsNotStoredByAPlainOverride(String credential) {
            assertFalse(planWith(get(credential, "secret"), 200, dated(), TTL_60).store());
        }

        @Test
        void credentialedRequestWithPublicResponseStillNeedsPerUser() {
            assertFalse(planWith(get("authorization", "Bearer a"), 200, dated("cache-control", "public"), TTL_60)
                    .store());
        }

        @Test
        void aRefusedOverrideLeavesTheHttpRulesInForce() {
            StorePlan plan = planWith(get("authorization", "Bearer a"), 200,
                    dated("cache-control", "public, max-age=30"), TTL_60);
            assertTrue(plan.store()); // explicitly shared by the origin (RFC 9111 §3.5), for its own lifetime
            assertEquals(null, plan.ttlOverride());
            assertFalse(plan.perUser());
        }

        @Test
        void setCookieResponseIsNotStoredByAnOverride() { // Apollo's override stores it, cookie too (§12.3, §16.4)
            assertFalse(planWith(get(), 200, dated("set-cookie", "sid=1"), TTL_60).store());
        }

        @Test
        void perUserOverrideStoresAPrivateResponseToACredentialedRequest() {
            StorePlan plan = planWith(get("authorization", "Bearer a"), 200, dated("cache-control", "private"),
                    TTL_60.perUser());
            assertTrue(plan.store());
            assertTrue(plan.perUser());
            assertEquals(seconds(60), plan.ttlOverride());
            assertEquals(seconds(60), plan.storeTtl());
        }

        @Test
        void perUserOverrideWithoutCredentialsIsAPlainOverride() {
            StorePlan plan = planWith(get(), 200, dated(), TTL_60.perUser());
            assertTrue(plan.store());
            assertFalse(plan.perUser());
        }

        @Test
        void perUserOverrideWithoutCredentialsDoesNotStorePrivate() {
            assertFalse(planWith(get(), 200, dated("cache-control", "private"), TTL_60.perUser()).store());
        }

        @Test
        void perUserOverrideNeverStoresNoStore() {
            assertFalse(planWith(get("cookie", "sid=1"), 200, dated("cache-control", "no-store"),
                    TTL_60.perUser()).store());
        }

        @Test
        void withoutOverrideAResponseToACookieRequestIsStoredOnlyWhenItAllowsSharingExplicitly() {
            // RFC 9111 §3.5 names Authorization; every credential field gets the same rule (Apollo stores this one)
            assertFalse(POLICY.planStore(get("cookie", "sid=1"), 200, dated("cache-control", "max-age=60"), T0, T0, null).store());
            assertTrue(POLICY.planStore(get("cookie", "sid=1"), 200, dated("cache-control", "s-maxage=60"), T0, T0, null).store());
        }

        @Test
        void withoutOverrideThePlanHasNoTtlOverrideAndIsNotPerUser() {
            StorePlan plan = POLICY.planStore(get("cookie", "sid=1"), 200, dated("cache-control", "public, max-age=60"),
                    T0, T0, null);
            assertTrue(plan.store());
            assertNull(plan.ttlOverride());
            assertFalse(plan.perUser());
        }

        @Test
        void overrideEntryServesStaleWithinTheResponsesWindowOnceTheTtlIsOver() {
            StoredResponse s = stored(200, dated("cache-control", "stale-while-revalidate=30"), seconds(60));
            assertEquals(Action.SERVE_STALE_AND_REVALIDATE, lookupAt(get(), s, 70).action());
            assertTrue(POLICY.mayServeStaleOnError(get("cache-control", "stale-if-error=30"), s, 0,
                    T0.plusSeconds(80)));
        }
    }
}

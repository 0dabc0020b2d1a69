package dev.restdatasource.internal.cache;

import static dev.restdatasource.internal.cache.PolicyFixtures.POLICY;
import static dev.restdatasource.internal.cache.PolicyFixtures.T0;
import static dev.restdatasource.internal.cache.PolicyFixtures.at;
import static dev.restdatasource.internal.cache.PolicyFixtures.date;
import static dev.restdatasource.internal.cache.PolicyFixtures.dated;
import static dev.restdatasource.internal.cache.PolicyFixtures.get;
import static dev.restdatasource.internal.cache.PolicyFixtures.planGet;
import static dev.restdatasource.internal.cache.PolicyFixtures.request;
import static dev.restdatasource.internal.cache.PolicyFixtures.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.Headers;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9111 §3: storing responses in a shared cache, compared with what Apollo stores (§9). */
class Rfc9111StoringTest {

    @Nested
    class Must {
        @Test
        void headIsNeverStored() { // Apollo never caches HEAD either (§9.2)
            StorePlan plan = POLICY.planStore(request("HEAD"), 200, dated("cache-control", "max-age=60"), T0, T0, null);
            assertFalse(plan.store());
            assertEquals(seconds(0), plan.storeTtl());
        }

        @ParameterizedTest
        @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
        void unsafeMethodsAreNotStoredWithoutOverrideEvenWithMaxAge(String method) { // as in Apollo (§9.3)
            assertFalse(POLICY.planStore(request(method), 200, dated("cache-control", "max-age=60"), T0, T0, null)
                    .store());
        }

        @Test
        void requestNoStoreIsNotStored() { // RFC 9111 §5.2.1.5; as in Apollo (§9.6)
            StorePlan plan = POLICY.planStore(get("cache-control", "no-store"), 200,
                    dated("cache-control", "max-age=60"), T0, T0, null);
            assertFalse(plan.store());
            assertEquals("request no-store", plan.reason());
        }

        @Test
        void responseNoStoreIsNotStored() { // RFC 9111 §5.2.2.5
            StorePlan plan = planGet(200, dated("cache-control", "max-age=60, no-store", "etag", "\"a\""));
            assertFalse(plan.store());
            assertEquals("response no-store", plan.reason());
        }

        @Test
        void privateResponseIsNotStoredInASharedCache() { // RFC 9111 §5.2.2.7; as in Apollo (§9.6)
            StorePlan plan = planGet(200, dated("cache-control", "private, max-age=60"));
            assertFalse(plan.store());
            assertEquals("private response", plan.reason());
        }

        @Test
        void varyStarIsNeverStored() {
            assertFalse(planGet(200, dated("cache-control", "max-age=60", "vary", "accept, *")).store());
        }

        @ParameterizedTest // RFC 9111 §4.1: a Vary member no request field can carry never matches, as "*"
        @ValueSource(strings = {"Accept Language", "x:y", "accept, grüße", "accept, ,x y", "Accept, \"quoted\"", "accept, x/y"})
        void aVaryNamingSomethingThatIsNotAFieldNameIsNeverStored(String vary) {
            StorePlan plan = planGet(200, dated("cache-control", "public, max-age=60", "vary", vary));
            assertFalse(plan.store(), vary);
            assertEquals("Vary: * or a Vary member that is not a field name", plan.reason());
        }

        @Test
        void aVaryOfFieldNamesIsStored() {
            assertTrue(planGet(200, dated("cache-control", "max-age=60", "vary", "Accept-Language, x_tenant, X.Y, a!#$%&'*+-.^_`|~z")).store());
            assertTrue(planGet(200, dated("cache-control", "max-age=60", "vary", " , ")).store()); // names nothing: no Vary
        }

        @Test
        void partialContentIsNeverStored() {
            assertFalse(planGet(206, dated("cache-control", "max-age=60", "content-range", "bytes 0-9/100")).store());
        }

        @ParameterizedTest
        @ValueSource(ints = {100, 103})
        void informationalResponsesAreNeverStored(int status) {
            assertFalse(planGet(status, dated("cache-control", "max-age=60")).store());
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 502, 503, 504})
        void outagesAreNeverStoredEvenWithMaxAge(int status) { // Apollo never stores them either (§9.10)
            StorePlan plan = planGet(status, dated("cache-control", "max-age=60"));
            assertFalse(plan.store());
            assertEquals("status " + status + " is not storable", plan.reason());
        }

        @ParameterizedTest
        @ValueSource(ints = {201, 202, 304, 400, 401, 403, 418, 429})
        void statusesNotDefinedAsCacheableAreNotStored(int status) {
            assertFalse(planGet(status, dated("cache-control", "max-age=60")).store());
        }

        @Test
        void authorizedRequestIsNotStoredWithMaxAgeAlone() { // RFC 9111 §3.5; as in Apollo (§9.7)
            StorePlan plan = POLICY.planStore(get("authorization", "Bearer t"), 200,
                    dated("cache-control", "max-age=60"), T0, T0, null);
            assertFalse(plan.store());
        }

        // RFC 9111 §3.5; as in Apollo, public, s-maxage or must-revalidate let it be stored (§9.7)
        @ParameterizedTest
        @ValueSource(strings = {"public, max-age=60", "s-maxage=60", "max-age=60, must-revalidate"})
        void authorizedRequestIsStoredWhenTheResponseAllowsIt(String cacheControl) {
            StorePlan plan = POLICY.planStore(get("authorization", "Bearer t"), 200,
                    dated("cache-control", cacheControl), T0, T0, null);
            assertTrue(plan.store());
            assertEquals(seconds(60), plan.storeTtl());
            assertFalse(plan.perUser());
        }

        @Test
        void responseWithoutFreshnessOrValidatorsIsNotStored() { // as in Apollo (§9.4)
            StorePlan plan = planGet(200, dated("content-type", "text/plain"));
            assertFalse(plan.store());
            assertEquals("no freshness", plan.reason());
        }

        @Test
        void etagAloneGivesNoFreshnessAndIsNotStored() {
            assertFalse(planGet(200, dated("etag", "\"v1\"")).store());
        }

        @Test
        void redirect302IsNotStoredByHeuristicFreshness() { // 302 is not heuristically cacheable
            StorePlan plan = planGet(302, dated("last-modified", date(-100_000), "location", "/x"));
            assertFalse(plan.store());
            assertEquals("status 302 needs explicit freshness", plan.reason());
        }

        @Test
        void alreadyStaleResponseWithoutValidatorsIsNotStored() {
            StorePlan plan = planGet(200, dated("cache-control", "max-age=10", "age", "20"));
            assertFalse(plan.store());
            assertEquals(seconds(0), plan.storeTtl());
        }
    }

    @Nested
    class Should {
        @ParameterizedTest
        @ValueSource(ints = {200, 203, 204, 300, 301, 302, 303, 307, 308, 404, 405, 410, 414, 451, 501})
        void everyStatusCacheableWithExplicitFreshnessIsStored(int status) { // as in Apollo (§9.10), plus 451
            StorePlan plan = planGet(status, dated("cache-control", "max-age=60"));
            assertTrue(plan.store());
            assertEquals(seconds(60), plan.storeTtl());
        }

        @Test
        void notFoundWithMaxAgeIsStored() { // as in Apollo (§9.11)
            assertEquals(seconds(120), planGet(404, dated("cache-control", "max-age=120")).storeTtl());
        }

        @Test
        void explicitFreshnessStoresForTheLifetime() {
            StorePlan plan = planGet(200, dated("cache-control", "max-age=60"));
            assertTrue(plan.store());
            assertEquals(seconds(60), plan.storeTtl());
            assertNull(plan.ttlOverride());
            assertEquals("stored for PT1M", plan.reason());
        }

        @Test
        void validatorsKeepAShortLivedEntryFiveMinutesLongerForRevalidation() {
            assertEquals(seconds(60 + 300), planGet(200, dated("cache-control", "max-age=60", "etag", "\"a\"")).storeTtl());
        }

        @Test
        void validatorsDoubleALongLifetime() { // Apollo doubles every lifetime with validators (§9.15)
            assertEquals(seconds(1200), planGet(200, dated("cache-control", "max-age=600",
                    "last-modified", date(-3600))).storeTtl());
        }

        @Test
        void upstreamAgeShortensTheStoreTtl() { // RFC 9111 §4.2.3; as in Apollo (§9.12)
            assertEquals(seconds(40), planGet(200, dated("cache-control", "max-age=60", "age", "20")).storeTtl());
        }

        @Test
        void responseDelayShortensTheStoreTtl() { // RFC 9111 §4.2.3 corrected_age_value
            StorePlan plan = POLICY.planStore(get(), 200, Headers.of("cache-control", "max-age=60"), T0, at(5), null);
            assertEquals(seconds(55), plan.storeTtl());
        }

        @Test
        void storeTtlIsRoundedUpToWholeSeconds() {
            StorePlan plan = POLICY.planStore(get(), 200, Headers.of("cache-control", "max-age=60"),
                    T0, T0.plusMillis(500), null);
            assertEquals(seconds(60), plan.storeTtl());
        }

        @Test
        void setCookieWithoutPublicIsNotStored() { // as in Apollo (§9.9)
            StorePlan plan = planGet(200, dated("cache-control", "max-age=60", "set-cookie", "sid=1"));
            assertFalse(plan.store());
            assertEquals("Set-Cookie without public", plan.reason());
        }

        @Test
        void setCookieWithPublicIsStoredButTheCookieIsNot() { // Apollo replays the cookie on every hit (§9.9, §16.4)
            Headers headers = dated("cache-control", "public, max-age=60", "set-cookie", "sid=1",
                    "set-cookie2", "x=1");
            assertTrue(planGet(200, headers).store());
            Headers kept = POLICY.storableHeaders(headers);
            assertFalse(kept.contains("set-cookie"));
            assertFalse(kept.contains("set-cookie2"));
            assertEquals("public, max-age=60", kept.first("cache-control"));
        }

        @Test
        void hopByHopFieldsAreNotStored() {
            Headers kept = POLICY.storableHeaders(Headers.of("connection", "close", "keep-alive", "timeout=5",
                    "proxy-connection", "keep-alive", "te", "trailers", "transfer-encoding", "chunked",
                    "upgrade", "h2c", "trailer", "x-sum", "proxy-authenticate", "Basic",
                    "proxy-authorization", "Basic abc", "content-type", "text/plain"));
            assertEquals(List.of("content-type"), List.copyOf(kept.names()));
        }

        @Test
        void fieldsNamedByConnectionAreNotStoredButAgeIsKept() {
            Headers kept = POLICY.storableHeaders(Headers.of("connection", "X-Trace, age", "x-trace", "1",
                    "age", "7", "etag", "\"a\""));
            assertEquals(List.of("age", "etag"), List.copyOf(kept.names()));
            assertEquals("7", kept.first("age"));
        }

        @Test
        void varyNamesAreLowerCasedInOrderWithoutDuplicates() {
            assertEquals(List.of("accept-language", "accept", "x-tenant"),
                    CachePolicy.varyNames(Headers.of("vary", "Accept-Language, Accept", "Vary", "accept, X-Tenant")));
        }

        @Test
        void varyNamesContainStarForVaryStar() {
            assertEquals(List.of("*"), CachePolicy.varyNames(Headers.of("vary", "*")));
            assertEquals(List.of(), CachePolicy.varyNames(Headers.empty()));
        }

        @Test
        void staleWindowAloneMakesAHeuristicStatusStorable() { // as in Apollo (§9.12)
            StorePlan plan = planGet(200, dated("cache-control", "stale-while-revalidate=45"));
            assertTrue(plan.store());
            assertEquals(seconds(45), plan.storeTtl());
        }
    }
}

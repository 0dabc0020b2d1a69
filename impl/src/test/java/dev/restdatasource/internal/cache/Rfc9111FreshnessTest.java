package dev.restdatasource.internal.cache;

import static dev.restdatasource.internal.cache.PolicyFixtures.POLICY;
import static dev.restdatasource.internal.cache.PolicyFixtures.T0;
import static dev.restdatasource.internal.cache.PolicyFixtures.at;
import static dev.restdatasource.internal.cache.PolicyFixtures.date;
import static dev.restdatasource.internal.cache.PolicyFixtures.dated;
import static dev.restdatasource.internal.cache.PolicyFixtures.get;
import static dev.restdatasource.internal.cache.PolicyFixtures.lookupAt;
import static dev.restdatasource.internal.cache.PolicyFixtures.planGet;
import static dev.restdatasource.internal.cache.PolicyFixtures.seconds;
import static dev.restdatasource.internal.cache.PolicyFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.Headers;
import dev.restdatasource.internal.cache.Lookup.Action;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * RFC 9111 §4.2 (freshness, age) and §5.1 (the Age field). Apollo takes freshness from the same fields in the same
 * order (§9.12) and serves hits with the same Age (§10.4, §10.5).
 */
class Rfc9111FreshnessTest {

    @Nested
    class Must {
        @Test
        void sMaxageOverridesMaxAgeInASharedCache() { // RFC 9111 §4.2.1
            assertEquals(seconds(30), planGet(200, dated("cache-control", "max-age=300, s-maxage=30")).storeTtl());
        }

        @Test
        void maxAgeOverridesExpires() { // RFC 9111 §5.3
            assertEquals(seconds(60), planGet(200, dated("cache-control", "max-age=60", "expires", date(3600)))
                    .storeTtl());
        }

        @Test
        void expiresMinusDateIsTheLifetime() {
            assertEquals(seconds(120), planGet(200, dated("expires", date(120))).storeTtl());
        }

        @Test
        void expiresWithoutDateCountsFromTheResponseTime() {
            StorePlan plan = POLICY.planStore(get(), 200, Headers.of("expires", date(150)), at(0), at(30), null);
            assertEquals(seconds(90), plan.storeTtl()); // 150 - 30 (no Date) - 30 (response delay)
        }

        @Test
        void invalidExpiresMeansAlreadyExpired() { // RFC 9111 §5.3
            assertFalse(planGet(200, dated("expires", "0")).store());
            StoredResponse s = stored(dated("expires", "0", "etag", "\"a\""));
            assertEquals(seconds(300), planGet(200, s.headers()).storeTtl()); // kept only for revalidation
            assertEquals(Action.REVALIDATE, lookupAt(get(), s, 0).action());
        }

        @Test
        void expiresInThePastIsStale() {
            assertEquals(Action.FETCH, lookupAt(get(), stored(dated("expires", date(-10))), 0).action());
        }

        @Test
        void responseIsFreshWhileAgeIsBelowTheLifetime() {
            Lookup lookup = lookupAt(get(), stored(dated("cache-control", "max-age=60")), 59);
            assertEquals(Action.SERVE, lookup.action());
            assertFalse(lookup.stale());
            assertEquals(seconds(59), lookup.age());
        }

        @Test
        void responseIsStaleWhenAgeReachesTheLifetime() {
            Lookup lookup = lookupAt(get(), stored(dated("cache-control", "max-age=60")), 60);
            assertEquals(Action.FETCH, lookup.action());
            assertTrue(lookup.stale());
        }

        @Test
        void explicitFreshnessDisablesTheHeuristic() { // RFC 9111 §4.2.2
            StoredResponse s = stored(dated("cache-control", "max-age=0", "last-modified", date(-1_000_000)));
            assertEquals(Action.REVALIDATE, lookupAt(get(), s, 1).action());
        }

        @Test
        void apparentAgeComesFromDate() { // RFC 9111 §4.2.3
            StoredResponse s = stored(Headers.of("date", date(-100), "cache-control", "max-age=300"));
            assertEquals(seconds(100), lookupAt(get(), s, 0).age());
        }

        @Test
        void correctedAgeAddsTheResponseDelayToTheAgeField() { // RFC 9111 §4.2.3
            StoredResponse s = new StoredResponse(200, Headers.of("date", date(0), "age", "30"), new byte[0],
                    at(-2), at(0), null, null);
            assertEquals(seconds(32), lookupAt(get(), s, 0).age());
        }

        @Test
        void theLargerOfApparentAndCorrectedAgeIsUsed() {
            StoredResponse s = stored(Headers.of("date", date(-100), "age", "10"));
            assertEquals(seconds(100), lookupAt(get(), s, 0).age());
        }

        @Test
        void ageGrowsWithTimeInTheCache() {
            assertEquals(seconds(45), lookupAt(get(), stored(dated("cache-control", "max-age=60")), 45).age());
        }

        @Test
        void servedHeadersCarryTheCurrentAgeInWholeSeconds() { // RFC 9111 §5.1; as in Apollo (§10.4, §10.5)
            StoredResponse s = stored(dated("cache-control", "max-age=60", "age", "5"));
            Headers served = POLICY.servedHeaders(s, at(10).plusMillis(700));
            assertEquals("15", served.first("age"));
            assertEquals(1, served.all("age").size());
            assertEquals("max-age=60", served.first("cache-control"));
        }
    }

    @Nested
    class Should {
        @Test
        void heuristicIsTenPercentOfDateMinusLastModified() { // RFC 9111 §4.2.2; as in Apollo (§9.5)
            StorePlan plan = planGet(200, dated("last-modified", date(-10_000)));
            assertTrue(plan.store());
            assertEquals(seconds(1000 + 1000), plan.storeTtl()); // Last-Modified is a validator: doubled
        }

        @Test
        void heuristicIsCappedAt24Hours() {
            assertEquals(seconds(2 * 86_400), planGet(200, dated("last-modified", date(-30 * 86_400))).storeTtl());
        }

        @Test
        void heuristicWithoutDateCountsToTheResponseTime() {
            StorePlan plan = POLICY.planStore(get(), 200, Headers.of("last-modified", date(-2000)), T0, T0, null);
            assertEquals(seconds(200 + 300), plan.storeTtl());
        }

        @Test
        void heuristicFreshnessServesUntilTenPercentHasPassed() {
            StoredResponse s = stored(dated("last-modified", date(-10_000)));
            assertEquals(Action.SERVE, lookupAt(get(), s, 999).action());
            assertEquals(Action.REVALIDATE, lookupAt(get(), s, 1000).action());
        }

        @Test
        void heuristicIsNotUsedForStatusesThatAreNotHeuristicallyCacheable() {
            StoredResponse s = stored(302, dated("last-modified", date(-10_000)), null);
            assertEquals(Action.REVALIDATE, lookupAt(get(), s, 1).action());
        }

        @Test
        void invalidAgeFieldIsIgnored() { // RFC 9111 §5.1
            assertEquals(seconds(60), planGet(200, dated("cache-control", "max-age=60", "age", "ten")).storeTtl());
        }

        @Test
        void firstMemberOfAListAgeIsUsed() { // RFC 9111 §5.1
            assertEquals(seconds(50), planGet(200, dated("cache-control", "max-age=60", "age", "10, 40")).storeTtl());
        }

        @Test
        void dateInTheFutureGivesNoNegativeAge() {
            StoredResponse s = stored(Headers.of("date", date(600), "cache-control", "max-age=60"));
            assertEquals(Duration.ZERO, lookupAt(get(), s, 0).age());
        }

        @Test
        void customPolicyTuningIsHonoured() {
            CachePolicy policy = new CachePolicy(0.5, Duration.ofSeconds(100), Duration.ofSeconds(1));
            assertEquals(seconds(100 + 100), policy.planStore(get(), 200,
                    dated("last-modified", date(-1000)), T0, T0, null).storeTtl());
        }
    }
}

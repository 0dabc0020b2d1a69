package dev.restdatasource.internal.cache;

import static dev.restdatasource.internal.cache.PolicyFixtures.POLICY;
import static dev.restdatasource.internal.cache.PolicyFixtures.T0;
import static dev.restdatasource.internal.cache.PolicyFixtures.dated;
import static dev.restdatasource.internal.cache.PolicyFixtures.get;
import static dev.restdatasource.internal.cache.PolicyFixtures.request;
import static dev.restdatasource.internal.cache.PolicyFixtures.seconds;
import static dev.restdatasource.internal.cache.PolicyFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.internal.cache.Lookup.Action;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decisions the I/O side ({@link HttpCache}) asks the policy around storing and serving: which requests
 * bypass the cache, what a miss does, which stored variant answers, how long a Vary index lives, what the
 * answer to a revalidation means, which upstream failures stale-if-error covers, and which override a
 * revalidated entry is stored again with.
 */
class InterceptorDecisionsTest {

    @Nested
    class Bypass {
        @Test
        void headBypassesTheCacheAsInApollo() {
            assertTrue(POLICY.bypasses("HEAD"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
        void otherMethodsGoThroughTheCache(String method) {
            assertFalse(POLICY.bypasses(method));
        }
    }

    /** RFC 9111 §5.2.1.7. */
    @Nested
    class MissMust {
        @Test
        void aMissIsFetched() {
            assertEquals(Action.FETCH, POLICY.onMiss(get()));
            assertEquals(Action.FETCH, POLICY.onMiss(get("cache-control", "max-stale")));
        }

        @Test
        void aMissUnderOnlyIfCachedAnswersGatewayTimeout() {
            assertEquals(Action.GATEWAY_TIMEOUT, POLICY.onMiss(get("cache-control", "only-if-cached")));
            assertEquals(Action.GATEWAY_TIMEOUT, POLICY.onMiss(get("Cache-Control", "max-age=5", "cache-control", "Only-If-Cached")));
        }
    }

    /** RFC 9111 §4.1. */
    @Nested
    class VariantsMust {
        private StoredResponse withFingerprint(String fingerprint) {
            return new StoredResponse(200, dated("vary", "accept"), new byte[0], T0, T0, null, fingerprint);
        }

        @Test
        void aResponseWithoutVaryAnswersALookupWithoutAVaryIndex() {
            assertTrue(POLICY.selects(stored(dated()), null));
        }

        @Test
        void aVariantFoundWhereNoIndexWasIsNotUsed() {
            assertFalse(POLICY.selects(withFingerprint("abc"), null));
        }

        @Test
        void aVariantAnswersOnlyTheSameFingerprint() {
            assertTrue(POLICY.selects(withFingerprint("abc"), "abc"));
            assertFalse(POLICY.selects(withFingerprint("abc"), "xyz"));
            assertFalse(POLICY.selects(stored(dated()), "abc"));
        }
    }

    /** RFC 9111 §4.3.3, §4.3.4. */
    @Nested
    class ValidationOutcomeMust {
        private final StoredResponse withEtag = stored(dated("cache-control", "max-age=10", "etag", "\"v1\""));

        private Validation.Outcome outcome(int status, String... headers) {
            return POLICY.validationOutcome(withEtag, DataSourceResponse.builder().status(status)
                    .headers(Headers.of(headers)).build());
        }

        @Test
        void aMatching304Freshens() {
            assertEquals(Validation.Outcome.FRESHENS, outcome(304, "etag", "\"v1\""));
            assertEquals(Validation.Outcome.FRESHENS, outcome(304));
        }

        @Test
        void a304ForAnotherRepresentationMismatches() {
            assertEquals(Validation.Outcome.MISMATCHES, outcome(304, "etag", "\"v2\""));
        }

        @ParameterizedTest
        @ValueSource(ints = {200, 404, 500})
        void anyOtherStatusReplaces(int status) {
            assertEquals(Validation.Outcome.REPLACES, outcome(status, "etag", "\"v1\""));
        }
    }

    @Nested
    class VaryIndex {
        @Test
        void aVaryIndexIsKeptAtLeastADay() {
            StorePlan shortPlan = POLICY.planStore(get(), 200, dated("cache-control", "max-age=60", "vary", "accept"), T0, T0,
                    null);
            assertEquals(seconds(60), shortPlan.storeTtl());
            assertEquals(Duration.ofDays(1), POLICY.varyIndexTtl(shortPlan));
        }

        @Test
        void aVaryIndexLivesAsLongAsALongerLivedVariant() {
            StorePlan longPlan = POLICY.planStore(get(), 200, dated("cache-control", "max-age=172800", "vary", "accept"), T0,
                    T0, null);
            assertEquals(Duration.ofDays(2), POLICY.varyIndexTtl(longPlan));
        }
    }

    /** RFC 5861 §4. */
    @Nested
    class StaleIfErrorFailuresMust {
        private final StoredResponse staleWithWindow = stored(dated("cache-control", "max-age=10, stale-if-error=60"));

        @Test
        void aNetworkErrorIsAFailure() {
            int failure = POLICY.failureStatus(null, new IOException("reset"));
            assertTrue(POLICY.mayServeStaleOnError(get(), staleWithWindow, failure, T0.plusSeconds(20)));
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 502, 503, 504})
        void theseStatusesAreFailures(int status) {
            int failure = POLICY.failureStatus(DataSourceResponse.builder().status(status).build(), null);
            assertEquals(status, failure);
            assertTrue(POLICY.mayServeStaleOnError(get(), staleWithWindow, failure, T0.plusSeconds(20)));
        }

        @ParameterizedTest
        @ValueSource(ints = {200, 304, 404, 501, 505})
        void otherStatusesAreAnswersNotFailures(int status) {
            int failure = POLICY.failureStatus(DataSourceResponse.builder().status(status).build(), null);
            assertFalse(POLICY.mayServeStaleOnError(get(), staleWithWindow, failure, T0.plusSeconds(20)));
        }
    }

    @Nested
    class RememberedOverride {
        private final StoredResponse storedWithOverride = stored(200, dated(), seconds(60));

        @Test
        void theCallersOverrideWins() {
            CacheOptions current = CacheOptions.ttl(seconds(5));
            assertSame(current, POLICY.rememberedOverride(current, storedWithOverride, true));
        }

        @Test
        void withoutOneTheEntrysOverrideIsReappliedAsInApollo() {
            CacheOptions remembered = POLICY.rememberedOverride(null, storedWithOverride, false);
            assertEquals(seconds(60), remembered.ttl());
            assertFalse(remembered.isPerUser());
        }

        @Test
        void aPerUserEntryStaysPerUser() {
            CacheOptions remembered = POLICY.rememberedOverride(null, storedWithOverride, true);
            assertEquals(seconds(60), remembered.ttl());
            assertTrue(remembered.isPerUser());
        }

        @Test
        void anEntryStoredByHttpAloneHasNoOverride() {
            assertNull(POLICY.rememberedOverride(null, stored(dated("cache-control", "max-age=60")), true));
        }

        @Test
        void aRememberedPerUserOverrideStillNeedsCredentials() {
            CacheOptions remembered = POLICY.rememberedOverride(null, storedWithOverride, true);
            assertTrue(POLICY.planStore(request("GET", "cookie", "sid=1"), 200, dated(), T0, T0, remembered).perUser());
        }
    }
}

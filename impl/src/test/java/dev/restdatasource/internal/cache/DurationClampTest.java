package dev.restdatasource.internal.cache;

import static dev.restdatasource.internal.cache.PolicyFixtures.T0;
import static dev.restdatasource.internal.cache.PolicyFixtures.dated;
import static dev.restdatasource.internal.cache.PolicyFixtures.get;
import static dev.restdatasource.internal.cache.PolicyFixtures.lookupAt;
import static dev.restdatasource.internal.cache.PolicyFixtures.planWith;
import static dev.restdatasource.internal.cache.PolicyFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.Headers;
import dev.restdatasource.internal.bridge.Durations;
import dev.restdatasource.internal.cache.Lookup.Action;
import dev.restdatasource.internal.support.TooLongDurations;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durations too long to count (ChronoUnit.FOREVER, Long.MAX_VALUE seconds) at every entry of the policy: a TTL
 * override, a retention or heuristic cap setting, an entry read back with such an override, an Expires in year 9999.
 * Each is clamped to 100 years; nothing overflows or turns negative.
 */
class DurationClampTest {
    @ParameterizedTest
    @MethodSource(TooLongDurations.SOURCE)
    void aTtlOverrideTooLongToCountStoresForOneHundredYears(Duration ttl) {
        StorePlan plan = planWith(get(), 200, dated("etag", "\"v1\"", "cache-control", "stale-while-revalidate=2147483648"),
                CacheOptions.ttl(ttl));
        assertTrue(plan.store());
        assertEquals(Durations.LONGEST, plan.storeTtl()); // freshness + stale window + validator retention, clamped
        assertEquals(Durations.LONGEST, plan.ttlOverride());
        assertEquals(Durations.LONGEST, new CachePolicy().varyIndexTtl(plan));
    }

    @ParameterizedTest
    @MethodSource(TooLongDurations.SOURCE)
    void anEntryReadBackWithSuchAnOverrideIsFresh(Duration ttl) {
        Lookup lookup = lookupAt(get(), stored(200, dated(), ttl), 10L * 365 * 24 * 3600);
        assertEquals(Action.SERVE, lookup.action());
    }

    @ParameterizedTest
    @MethodSource(TooLongDurations.SOURCE)
    void settingsTooLongToCountAreClamped(Duration setting) {
        CachePolicy policy = new CachePolicy(Double.MAX_VALUE, setting, setting);
        Headers headers = dated("etag", "\"v1\"", "last-modified", "Mon, 01 Jan 0001 00:00:00 GMT");
        StorePlan plan = policy.planStore(get(), 200, headers, T0, T0, null);
        assertTrue(plan.store());
        assertEquals(Durations.LONGEST, plan.storeTtl());
    }

    @Test
    void anExpiresFarInTheFutureIsAtMostOneHundredYears() {
        StorePlan plan = planWith(get(), 200, dated("expires", "Fri, 31 Dec 9999 23:59:59 GMT"), null);
        assertEquals(Durations.LONGEST, plan.storeTtl());
    }
}

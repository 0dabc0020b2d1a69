package dev.restdatasource.internal.cache;

import static dev.restdatasource.internal.cache.PolicyFixtures.POLICY;
import static dev.restdatasource.internal.cache.PolicyFixtures.T0_DATE;
import static dev.restdatasource.internal.cache.PolicyFixtures.at;
import static dev.restdatasource.internal.cache.PolicyFixtures.get;
import static dev.restdatasource.internal.cache.PolicyFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restdatasource.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CachePolicy#servedHeaders(StoredResponse, java.time.Duration)} with a lookup's age is the Instant form. */
class ServedHeadersAgeTest {
    @Test
    void lookupAgeGivesTheSameHeadersAsRecomputingIt() {
        for (Headers headers : List.of(
                Headers.of("date", T0_DATE, "cache-control", "max-age=3600", "etag", "\"a\""),
                Headers.of("date", T0_DATE, "cache-control", "max-age=3600", "age", "30"),
                Headers.of("date", T0_DATE, "cache-control", "max-age=60", "age", "130"),
                Headers.of("date", T0_DATE, "age", "1", "age", "1"),
                Headers.of("cache-control", "max-age=10"))) {
            StoredResponse stored = stored(headers);
            for (long seconds : new long[] {0, 1, 99, 100, 5000}) {
                Lookup lookup = POLICY.lookup(get(), stored, at(seconds));
                Headers expected = POLICY.servedHeaders(stored, at(seconds));
                Headers actual = POLICY.servedHeaders(stored, lookup.age());
                assertEquals(expected, actual, headers + " at " + seconds);
                assertEquals(List.copyOf(expected.names()), List.copyOf(actual.names()), "field order");
            }
        }
    }
}

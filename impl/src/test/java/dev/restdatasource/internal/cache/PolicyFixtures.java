package dev.restdatasource.internal.cache;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.Headers;
import java.time.Duration;
import java.time.Instant;

/** Fixed instants and small builders shared by the cache policy tests. Never reads the system clock. */
final class PolicyFixtures {
    /** The instant every test starts from: request sent and response received, unless a test says otherwise. */
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    /** {@link #T0} as an IMF-fixdate. */
    static final String T0_DATE = "Mon, 01 Jan 2024 00:00:00 GMT";
    static final CachePolicy POLICY = new CachePolicy();

    private PolicyFixtures() {
    }

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    /** An IMF-fixdate this many seconds after T0 (negative: before). */
    static String date(long secondsAfterT0) {
        return HttpDates.format(at(secondsAfterT0));
    }

    static CacheRequest get(String... headers) {
        return new CacheRequest("GET", Headers.of(headers));
    }

    static CacheRequest request(String method, String... headers) {
        return new CacheRequest(method, Headers.of(headers));
    }

    /** Response headers with Date: T0 first, then the given name/value pairs. */
    static Headers dated(String... namesAndValues) {
        Headers.Builder b = Headers.builder().add("date", T0_DATE);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /** Plans storing a GET response received instantly at T0, without override. */
    static StorePlan planGet(int status, Headers responseHeaders) {
        return POLICY.planStore(get(), status, responseHeaders, T0, T0, null);
    }

    static StorePlan planWith(CacheRequest request, int status, Headers responseHeaders, CacheOptions override) {
        return POLICY.planStore(request, status, responseHeaders, T0, T0, override);
    }

    /** A 200 stored at T0 (request and response time), without override or Vary. */
    static StoredResponse stored(Headers headers) {
        return stored(200, headers, null);
    }

    static StoredResponse stored(int status, Headers headers, Duration ttlOverride) {
        return new StoredResponse(status, headers, new byte[] {1, 2, 3}, T0, T0, ttlOverride, null);
    }

    /** Looks the stored response up this many seconds after T0. */
    static Lookup lookupAt(CacheRequest request, StoredResponse stored, long secondsAfterT0) {
        return POLICY.lookup(request, stored, at(secondsAfterT0));
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}

package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import dev.restdatasource.internal.bridge.Durations;
import java.time.Duration;
import java.time.Instant;

/**
 * How long the store keeps an entry the cache decided to store: the freshness it has left, plus its
 * stale-while-revalidate / stale-if-error window (RFC 5861), plus, when it has validators (ETag or
 * Last-Modified) so it can still be revalidated, the longer of the freshness left and a retention time
 * (5 minutes by default); rounded up to whole seconds and at most 100 years ({@code Durations.LONGEST}), however long
 * the lifetime, override or retention. A Vary index, shared by every variant of a URL, is kept
 * at least a day, so a short-lived variant written last never makes a longer-lived one unreachable.
 * Pure; immutable and thread-safe.
 */
final class StoreTtl {
    /** The shortest time a Vary index is kept. */
    static final Duration VARY_INDEX_MIN_TTL = Duration.ofDays(1);

    private final Duration validatorRetention;

    StoreTtl(Duration validatorRetention) {
        if (validatorRetention.isNegative()) {
            throw new IllegalArgumentException("negative validator retention");
        }
        this.validatorRetention = Durations.clamp(validatorRetention);
    }

    /**
     * The plan to store a response with this freshness lifetime, or not to store it when no time is left.
     *
     * @param ttlOverride the TTL override to record in the entry, or null
     * @param perUser     whether the entry is keyed by the request's credentials
     */
    StorePlan plan(Duration lifetime, Duration ttlOverride, boolean perUser, Headers headers, Instant requestTime,
            Instant responseTime, ResponseDirectives res) {
        // Each term is at most 100 years (the stale window at most 68), so the sums below cannot overflow.
        Duration remaining = Ages.nonNegative(Durations.clamp(lifetime).minus(Ages.initialAge(headers, requestTime, responseTime)));
        Duration ttl = remaining.plus(res.staleWindow());
        if (headers.contains("etag") || headers.contains("last-modified")) {
            ttl = ttl.plus(remaining.compareTo(validatorRetention) > 0 ? remaining : validatorRetention);
        }
        ttl = roundUpToSeconds(Durations.clamp(ttl));
        if (ttl.isZero()) {
            return StorePlan.doNotStore(remaining.isZero() ? "already stale, no validators or stale window"
                    : "no time left to store");
        }
        return new StorePlan(true, ttl, ttlOverride, perUser, "stored for " + ttl);
    }

    /** How long to keep the Vary index written beside a variant stored for {@code variantTtl}. */
    static Duration varyIndexTtl(Duration variantTtl) {
        return variantTtl.compareTo(VARY_INDEX_MIN_TTL) > 0 ? variantTtl : VARY_INDEX_MIN_TTL;
    }

    private static Duration roundUpToSeconds(Duration d) {
        return d.getNano() == 0 ? d : Duration.ofSeconds(d.getSeconds() + 1);
    }
}

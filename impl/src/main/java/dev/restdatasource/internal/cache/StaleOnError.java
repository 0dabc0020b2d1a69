package dev.restdatasource.internal.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Whether a stale stored response may stand in when upstream fails (RFC 5861 §4, RFC 9111 §4.2.4). The failures
 * covered are 500, 502, 503, 504 and, unlike Apollo, network errors and timeouts. The response or the request
 * must grant a {@code stale-if-error} window (a cache must not serve stale on its own initiative); the larger
 * of the two applies. A response that forbids serving stale (must-revalidate, proxy-revalidate, no-cache) is
 * never served. Pure; immutable and thread-safe.
 */
final class StaleOnError {
    /** The failure status that stands for a network error or timeout, where there is no response. */
    static final int NETWORK_FAILURE = 0;
    /** Upstream failures that stale-if-error covers. */
    private static final Set<Integer> FAILURES = Set.of(NETWORK_FAILURE, 500, 502, 503, 504);

    private final Freshness freshness;

    StaleOnError(Freshness freshness) {
        this.freshness = freshness;
    }

    /** See {@link CachePolicy#mayServeStaleOnError}. */
    boolean mayServe(CacheRequest request, StoredResponse stored, int failureStatus, Instant now) {
        if (!FAILURES.contains(failureStatus)) {
            return false;
        }
        ResponseDirectives res = ResponseDirectives.of(stored.headers());
        if (res.forbidsStale()) {
            return false;
        }
        RequestDirectives req = request.directives();
        if (res.staleIfError() == ResponseDirectives.ABSENT && req.staleIfError() == RequestDirectives.ABSENT) {
            return false;
        }
        long window = Math.max(Math.max(res.staleIfError(), req.staleIfError()), 0);
        Duration age = Ages.currentAge(stored.headers(), stored.requestTime(), stored.responseTime(), now);
        return age.compareTo(freshness.storedLifetime(stored, res).plusSeconds(window)) < 0;
    }
}

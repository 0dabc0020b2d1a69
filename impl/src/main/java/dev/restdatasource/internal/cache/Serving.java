package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.time.Duration;
import java.time.Instant;

/**
 * How a stored response may answer a request (RFC 9111 §4, §5.2, RFC 5861 §3), and what a miss does.
 * <ul>
 *   <li>Fresh: served, unless the request says no-cache, its max-age is exceeded or its min-fresh is not met,
 *       or the response says no-cache (which a fresh TTL override overrules, as in Apollo).
 *       {@code must-revalidate} does not stop a fresh response being served (RFC 9111 §5.2.2.2; Apollo
 *       revalidates it every time).</li>
 *   <li>The request's {@code max-age} limits every answer, fresh or stale; its {@code min-fresh} forbids
 *       serving stale at all.</li>
 *   <li>Stale within the response's {@code stale-while-revalidate}: served, and revalidated in the background,
 *       unless the response requires revalidation (must-revalidate, proxy-revalidate, no-cache). This wins
 *       over a request's {@code max-stale}, so the entry gets refreshed. {@code s-maxage} does not cancel this
 *       window: RFC 5861 lets the origin grant it, and an origin that sends both means it.</li>
 *   <li>Stale within the request's {@code max-stale}: served, unless the response requires revalidation or has
 *       {@code s-maxage} (which implies proxy-revalidate, RFC 9111 §5.2.2.10).</li>
 *   <li>Otherwise: revalidated with the stored validators, or fetched when there are none.</li>
 *   <li>The request's {@code only-if-cached} turns every answer that needs upstream, and a miss, into a 504
 *       (RFC 9111 §5.2.1.7).</li>
 * </ul>
 * Pure; immutable and thread-safe.
 */
final class Serving {
    private final Freshness freshness;

    Serving(Freshness freshness) {
        this.freshness = freshness;
    }

    /** What to do when the store has no usable entry: fetch, or answer 504 under only-if-cached. */
    static Lookup.Action onMiss(CacheRequest request) {
        return request.directives().onlyIfCached() ? Lookup.Action.GATEWAY_TIMEOUT : Lookup.Action.FETCH;
    }

    /** What serving a stored response depends on that does not change while it is stored: see {@link Facts}. */
    Facts facts(StoredResponse stored) {
        ResponseDirectives res = ResponseDirectives.of(stored.headers());
        return new Facts(res, Ages.initialAge(stored.headers(), stored.requestTime(), stored.responseTime()),
                freshness.storedLifetime(stored, res));
    }

    /** See {@link CachePolicy#lookup}. */
    Lookup lookup(CacheRequest request, StoredResponse stored, Instant now) {
        return lookup(request, stored, facts(stored), now);
    }

    /** {@link #lookup(CacheRequest, StoredResponse, Instant)} with the {@link #facts} of {@code stored}. */
    Lookup lookup(CacheRequest request, StoredResponse stored, Facts facts, Instant now) {
        Lookup answer = decide(request.directives(), stored, facts, now);
        if (request.directives().onlyIfCached() && answer.action() != Lookup.Action.SERVE
                && answer.action() != Lookup.Action.SERVE_STALE_AND_REVALIDATE) {
            return new Lookup(Lookup.Action.GATEWAY_TIMEOUT, answer.age(), answer.stale(), Headers.empty(),
                    "only-if-cached: " + answer.reason());
        }
        return answer;
    }

    private static Lookup decide(RequestDirectives req, StoredResponse stored, Facts facts, Instant now) {
        Headers headers = stored.headers();
        ResponseDirectives res = facts.directives();
        Duration age = Ages.currentAge(facts.initialAge(), stored.responseTime(), now);
        Duration lifetime = facts.lifetime();
        boolean stale = age.compareTo(lifetime) >= 0;

        if (req.noCache()) {
            return goUpstream(stored, age, stale, "request no-cache");
        }
        boolean overrideFresh = stored.ttlOverride() != null && !stale;
        if (res.noCache() && !overrideFresh) {
            return goUpstream(stored, age, stale, "response no-cache");
        }
        long maxAge = req.maxAge() == RequestDirectives.ABSENT ? Long.MAX_VALUE : req.maxAge();
        if (age.getSeconds() > maxAge || age.getSeconds() == maxAge && age.getNano() > 0) {
            return goUpstream(stored, age, stale, "older than request max-age=" + maxAge);
        }
        boolean hasMinFresh = req.minFresh() != RequestDirectives.ABSENT;
        if (!stale) {
            long minFresh = hasMinFresh ? req.minFresh() : 0;
            if (lifetime.minus(age).compareTo(Duration.ofSeconds(minFresh)) < 0) {
                return goUpstream(stored, age, false, "fresh for less than request min-fresh=" + minFresh);
            }
            return new Lookup(Lookup.Action.SERVE, age, false, Headers.empty(), "fresh");
        }
        Duration staleness = age.minus(lifetime);
        boolean revalidationRequired = res.forbidsStale();
        Duration swr = res.staleWhileRevalidateWindow();
        if (!revalidationRequired && staleness.compareTo(swr) < 0 && !hasMinFresh) {
            return new Lookup(Lookup.Action.SERVE_STALE_AND_REVALIDATE, age, true,
                    Validation.conditionalHeaders(headers), "within stale-while-revalidate=" + swr.getSeconds());
        }
        if (req.maxStale() != RequestDirectives.ABSENT && !revalidationRequired
                && res.sMaxage() == ResponseDirectives.ABSENT && !hasMinFresh) {
            if (req.maxStale() == RequestDirectives.ANY_STALENESS
                    || staleness.compareTo(Duration.ofSeconds(req.maxStale())) <= 0) {
                return new Lookup(Lookup.Action.SERVE, age, true, Headers.empty(),
                        "stale by " + staleness.getSeconds() + "s, within request max-stale");
            }
        }
        return goUpstream(stored, age, true, "stale");
    }

    /**
     * What serving a stored response depends on that its stored form fixes: its Cache-Control directives, its age
     * when received (RFC 9111 §4.2.3) and its freshness lifetime. Computed from the stored response alone, so it may
     * be kept with a decoded entry and used for every read of it.
     *
     * @param directives the stored response's Cache-Control
     * @param initialAge its corrected initial age
     * @param lifetime   its freshness lifetime (its TTL override when it has one)
     */
    record Facts(ResponseDirectives directives, Duration initialAge, Duration lifetime) {
    }

    /** REVALIDATE with the stored validators, or FETCH when there are none. */
    private static Lookup goUpstream(StoredResponse stored, Duration age, boolean stale, String reason) {
        Headers conditional = Validation.conditionalHeaders(stored.headers());
        return conditional.isEmpty()
                ? new Lookup(Lookup.Action.FETCH, age, stale, conditional, reason + ", no validators")
                : new Lookup(Lookup.Action.REVALIDATE, age, stale, conditional, reason);
    }
}

package dev.restdatasource.internal.cache;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Whether a shared cache may store a response (RFC 9111 §3, §3.5), and how a TTL override ({@code CacheOptions},
 * Apollo's {@code cacheOptionsFor}) changes that. HTTP alone stores only GET responses (Apollo stores no other
 * method without an override); HEAD is never read from nor written to the cache, as in Apollo. Responses with
 * Set-Cookie are stored only when {@code public} (never with the cookie). An override stores what HTTP would
 * not, except that, unlike Apollo, it never shares a private response or a response to a request with
 * credentials: those take the override only per user, and otherwise follow HTTP alone. How long a stored
 * entry is kept is {@link StoreTtl}'s. Pure; immutable and thread-safe.
 */
final class Storing {
    /** Statuses a shared cache may store when the response has explicit freshness (RFC 9110 §15, plus 451). */
    private static final Set<Integer> STORABLE_WITH_EXPLICIT_FRESHNESS =
            Set.of(200, 203, 204, 300, 301, 302, 303, 307, 308, 404, 405, 410, 414, 451, 501);

    private final Freshness freshness;
    private final StoreTtl storeTtl;

    Storing(Freshness freshness, StoreTtl storeTtl) {
        this.freshness = freshness;
        this.storeTtl = storeTtl;
    }

    /** Whether requests with this method bypass the cache entirely: HEAD is never read nor stored, as in Apollo. */
    static boolean bypasses(String method) {
        return "HEAD".equals(method);
    }

    /** See {@link CachePolicy#planStore}. */
    StorePlan plan(CacheRequest request, int status, Headers responseHeaders, Instant requestTime,
            Instant responseTime, CacheOptions override) {
        if (bypasses(request.method())) {
            return StorePlan.doNotStore("HEAD is never stored");
        }
        if (status < 200 || status == 206) {
            return StorePlan.doNotStore("status " + status + " is never stored");
        }
        if (request.directives().noStore()) {
            return StorePlan.doNotStore("request no-store");
        }
        ResponseDirectives res = ResponseDirectives.of(responseHeaders);
        if (res.noStore()) {
            return StorePlan.doNotStore("response no-store");
        }
        if (Variants.matchesNoRequest(responseHeaders)) {
            return StorePlan.doNotStore("Vary: * or a Vary member that is not a field name"); // RFC 9111 §4.1
        }
        if (StoredHeaders.hasSetCookie(responseHeaders) && !res.isPublic()) {
            return StorePlan.doNotStore("Set-Cookie without public");
        }
        if (override != null) {
            return planOverride(request, status, responseHeaders, requestTime, responseTime, override, res);
        }
        return planByHttp(request, status, responseHeaders, requestTime, responseTime, res);
    }

    /** The plan of HTTP alone, without an override. */
    private StorePlan planByHttp(CacheRequest request, int status, Headers responseHeaders, Instant requestTime,
            Instant responseTime, ResponseDirectives res) {
        String refusal = httpRefusal(request, status, responseHeaders, responseTime, res);
        if (refusal != null) {
            return StorePlan.doNotStore(refusal);
        }
        Duration lifetime = freshness.lifetime(status, responseHeaders, res, responseTime);
        return storeTtl.plan(lifetime, null, false, responseHeaders, requestTime, responseTime, res);
    }

    /**
     * The plan under a TTL override: a TTL of zero or less stores nothing (as in Apollo); a private response or a
     * request with credentials takes it only per user; a non-2xx takes it only when HTTP alone would store it.
     */
    private StorePlan planOverride(CacheRequest request, int status, Headers responseHeaders, Instant requestTime,
            Instant responseTime, CacheOptions override, ResponseDirectives res) {
        Duration ttl = override.ttl();
        if (ttl.isNegative() || ttl.isZero()) {
            return StorePlan.doNotStore("override ttl " + ttl + " means do not store");
        }
        boolean perUser = override.isPerUser() && request.hasCredentials();
        if (res.isPrivate() && !perUser) {
            return StorePlan.doNotStore("private response"); // Apollo would share it
        }
        if (request.hasCredentials() && !perUser) {
            // Apollo would share it: the override does not apply; HTTP alone may still store an explicitly shared response
            return planByHttp(request, status, responseHeaders, requestTime, responseTime, res);
        }
        if (status < 200 || status > 299) {
            String refusal = httpRefusal(request, status, responseHeaders, responseTime, res);
            if (refusal != null) {
                return StorePlan.doNotStore(refusal);
            }
        }
        return storeTtl.plan(ttl, ttl, perUser, responseHeaders, requestTime, responseTime, res);
    }

    /** Why HTTP alone (no override) refuses to store this response, or null when it may be stored. */
    private String httpRefusal(CacheRequest request, int status, Headers headers, Instant responseTime,
            ResponseDirectives res) {
        if (!"GET".equals(request.method())) {
            return request.method() + " is not stored without an override";
        }
        if (res.isPrivate()) {
            return "private response";
        }
        if (!STORABLE_WITH_EXPLICIT_FRESHNESS.contains(status)) {
            return "status " + status + " is not storable";
        }
        if (request.hasCredentials() && !(res.isPublic() || res.sMaxage() != ResponseDirectives.ABSENT
                || res.mustRevalidate())) {
            return "request with credentials, response without public, s-maxage or must-revalidate"; // RFC 9111 §3.5, every credential field
        }
        if (Freshness.explicitLifetime(headers, res, responseTime) == null) {
            if (!Freshness.isHeuristicallyCacheable(status)) {
                return "status " + status + " needs explicit freshness";
            }
            boolean revalidateOnly = res.noCache() || res.staleWindow().compareTo(Duration.ZERO) > 0;
            if (freshness.heuristicLifetime(headers, responseTime) == null && !revalidateOnly) {
                return "no freshness";
            }
        }
        return null;
    }

    /**
     * The override to store a revalidated entry with: the caller's, else the one the entry was stored under (an
     * override is remembered by its entry, as in Apollo), per user again when the entry was per user; null when
     * neither gives one.
     */
    static CacheOptions rememberedOverride(CacheOptions current, StoredResponse stored, boolean perUser) {
        if (current != null || stored.ttlOverride() == null) {
            return current;
        }
        CacheOptions remembered = CacheOptions.ttl(stored.ttlOverride());
        return perUser ? remembered.perUser() : remembered;
    }
}

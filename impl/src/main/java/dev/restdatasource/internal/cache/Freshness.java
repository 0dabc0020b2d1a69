package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import dev.restdatasource.internal.bridge.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * How long a response stays fresh in a shared cache (RFC 9111 §4.2.1, §4.2.2): {@code s-maxage}, else
 * {@code max-age}, else {@code Expires − Date}, else, for a heuristically cacheable status with a Last-Modified,
 * a fraction of {@code Date − Last-Modified} (10% by default) capped (24 h by default). A response
 * {@code no-cache} makes the lifetime 0; a TTL override recorded in a stored entry replaces all of this. A lifetime
 * is at most 100 years ({@code Durations.LONGEST}; an Expires in year 9999 gives that), so callers may add to it.
 * Pure; immutable and thread-safe.
 */
final class Freshness {
    /** Statuses that are heuristically cacheable (RFC 9110 §15.1). */
    private static final Set<Integer> HEURISTICALLY_CACHEABLE =
            Set.of(200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 451, 501);

    private final double heuristicFraction;
    private final Duration heuristicCap;

    Freshness(double heuristicFraction, Duration heuristicCap) {
        if (heuristicFraction < 0 || heuristicCap.isNegative()) {
            throw new IllegalArgumentException("negative heuristic freshness setting");
        }
        this.heuristicFraction = heuristicFraction;
        this.heuristicCap = Durations.clamp(heuristicCap);
    }

    /** The lifetime of a stored entry: its TTL override, or the one its headers give (0 when none). */
    Duration storedLifetime(StoredResponse stored, ResponseDirectives res) {
        if (stored.ttlOverride() != null) {
            return Durations.clamp(stored.ttlOverride());
        }
        return lifetime(stored.status(), stored.headers(), res, stored.responseTime());
    }

    /** The freshness lifetime under shared-cache rules; 0 with no-cache or when nothing gives one. */
    Duration lifetime(int status, Headers headers, ResponseDirectives res, Instant responseTime) {
        if (res.noCache()) {
            return Duration.ZERO;
        }
        Duration explicit = explicitLifetime(headers, res, responseTime);
        if (explicit != null) {
            return Durations.clamp(explicit);
        }
        Duration heuristic = isHeuristicallyCacheable(status) ? heuristicLifetime(headers, responseTime) : null;
        return heuristic == null ? Duration.ZERO : heuristic;
    }

    /** Whether a response with this status may be given a heuristic lifetime (RFC 9110 §15.1). */
    static boolean isHeuristicallyCacheable(int status) {
        return HEURISTICALLY_CACHEABLE.contains(status);
    }

    /** s-maxage, else max-age, else Expires − Date (RFC 9111 §4.2.1); null when none is present. */
    static Duration explicitLifetime(Headers headers, ResponseDirectives res, Instant responseTime) {
        if (res.sMaxage() != ResponseDirectives.ABSENT) {
            return Duration.ofSeconds(res.sMaxage());
        }
        if (res.maxAge() != ResponseDirectives.ABSENT) {
            return Duration.ofSeconds(res.maxAge());
        }
        if (headers.contains("expires")) {
            Instant expires = HttpDates.parse(headers.first("expires"));
            if (expires == null) {
                return Duration.ZERO; // RFC 9111 §5.3: an invalid date, e.g. "0", means already expired
            }
            return Ages.nonNegative(Duration.between(dateOr(headers, responseTime), expires));
        }
        return null;
    }

    /** The heuristic fraction of Date − Last-Modified, capped (RFC 9111 §4.2.2); null without a valid Last-Modified. */
    Duration heuristicLifetime(Headers headers, Instant responseTime) {
        Instant lastModified = HttpDates.parse(headers.first("last-modified"));
        if (lastModified == null) {
            return null;
        }
        Duration sinceModified = Ages.nonNegative(Duration.between(lastModified, dateOr(headers, responseTime)));
        Duration heuristic = Duration.ofMillis((long) (sinceModified.toMillis() * heuristicFraction));
        return heuristic.compareTo(heuristicCap) > 0 ? heuristicCap : heuristic;
    }

    private static Instant dateOr(Headers headers, Instant responseTime) {
        Instant date = HttpDates.parse(headers.first("date"));
        return date == null ? responseTime : date;
    }
}

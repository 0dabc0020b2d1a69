package dev.restdatasource;

import dev.restdatasource.internal.bridge.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * A per-call override of how long a response is kept in the HTTP cache (Apollo's {@code cacheOptions}).
 *
 * <p>A positive TTL stores a successful response for that long whatever its headers say. Unlike Apollo,
 * an override never stores a response marked {@code private} or {@code no-store}, or one to a request
 * that carried credentials ({@code Authorization}, {@code Cookie}), unless {@link #perUser()} asks for
 * an entry keyed by a hash of those credentials. A zero or negative TTL means "do not store".
 * Immutable and thread-safe.
 */
public final class CacheOptions {
    private final Duration ttl;
    private final boolean perUser;

    private CacheOptions(Duration ttl, boolean perUser) {
        this.ttl = Durations.clamp(Objects.requireNonNull(ttl, "ttl"));
        this.perUser = perUser;
    }

    /**
     * Stores the response for {@code ttl}; a TTL longer than 100 years (such as {@code ChronoUnit.FOREVER}) counts as
     * 100 years.
     */
    public static CacheOptions ttl(Duration ttl) {
        return new CacheOptions(ttl, false);
    }

    /** Does not store the response, even if its headers allow it. */
    public static CacheOptions noStore() {
        return new CacheOptions(Duration.ZERO, false);
    }

    /**
     * Returns a copy that may store private or authenticated responses, in an entry that only requests
     * with the same credentials can read.
     */
    public CacheOptions perUser() {
        return new CacheOptions(ttl, true);
    }

    /** Returns the TTL; zero or negative means do not store. */
    public Duration ttl() {
        return ttl;
    }

    /** Returns whether private and authenticated responses may be stored per user. */
    public boolean isPerUser() {
        return perUser;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheOptions other && ttl.equals(other.ttl) && perUser == other.perUser;
    }

    @Override
    public int hashCode() {
        return ttl.hashCode() * 31 + Boolean.hashCode(perUser);
    }

    @Override
    public String toString() {
        return "CacheOptions{ttl=" + ttl + (perUser ? ", perUser" : "") + "}";
    }
}

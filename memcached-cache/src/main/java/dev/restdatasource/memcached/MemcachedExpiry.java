package dev.restdatasource.memcached;

import java.time.Duration;

/**
 * memcached's {@code exptime} for a ttl. memcached counts whole seconds, and reads an exptime above
 * {@value #MAX_RELATIVE_SECONDS} s (30 days) as an absolute Unix time, so: a ttl is rounded up to whole seconds
 * (1 ms is 1 s, 1,001 ms is 2 s: an entry never lives shorter than asked); up to 30 days it is sent as it is; a longer
 * one is sent as now + ttl in Unix seconds, capped at {@link Integer#MAX_VALUE} (January 2038, the protocol's
 * limit). {@code null} is 0, memcached's "never expires". Stateless and thread-safe.
 */
final class MemcachedExpiry {
    /** The longest exptime memcached reads as relative, in seconds. */
    static final int MAX_RELATIVE_SECONDS = 30 * 24 * 60 * 60;

    private MemcachedExpiry() {
    }

    /**
     * The exptime for a positive or {@code null} ttl, {@code nowEpochSeconds} being the current Unix time.
     *
     * @throws IllegalArgumentException when {@code ttl} is zero or negative (such an entry is removed, not stored)
     */
    static int exptime(Duration ttl, long nowEpochSeconds) {
        if (ttl == null) {
            return 0;
        }
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        long seconds = ttl.getSeconds() + (ttl.getNano() == 0 ? 0 : 1);
        if (seconds <= MAX_RELATIVE_SECONDS) {
            return (int) seconds;
        }
        long absolute = seconds > Integer.MAX_VALUE ? Integer.MAX_VALUE : nowEpochSeconds + seconds;
        return (int) Math.min(absolute, Integer.MAX_VALUE);
    }
}

package dev.restdatasource.backend;

import java.time.Duration;

/**
 * Saturating conversions of the SPI's {@code ttl} argument, shared by the stores (public for the backend modules).
 * Stateless.
 */
public final class Ttl {
    private Ttl() {
    }

    /** Whether {@code ttl} asks for an entry that is already expired: zero or negative. {@code null} is not. */
    public static boolean isNonPositive(Duration ttl) {
        return ttl != null && (ttl.isZero() || ttl.isNegative());
    }

    /** {@code ttl} in nanoseconds, {@link Long#MAX_VALUE} for {@code null} or a duration too long to count. */
    public static long toNanos(Duration ttl) {
        if (ttl == null) {
            return Long.MAX_VALUE;
        }
        try {
            return ttl.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * {@code ttl} in whole milliseconds, a sub-millisecond remainder rounded up (a positive ttl is never 0); 0 for
     * {@code null} or a ttl too long to count in nanoseconds (about 292 years), which is "no expiry" for stores that
     * read 0 so (Hazelcast, Redis's plain SET). The caller handles a zero or negative ttl before.
     */
    public static long millisRoundedUp(Duration ttl) {
        long nanos = toNanos(ttl);
        return nanos == Long.MAX_VALUE ? 0 : nanos / 1_000_000L + (nanos % 1_000_000L == 0 ? 0 : 1);
    }

    /**
     * The epoch millisecond at which an entry written at {@code nowMillis} expires: {@link Long#MAX_VALUE} for a
     * {@code null} ttl or one that would overflow. A sub-millisecond remainder rounds up, so a positive ttl
     * never expires at the instant it is written.
     */
    public static long expiresAtMillis(long nowMillis, Duration ttl) {
        long nanos = toNanos(ttl);
        if (nanos == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long millis = nanos / 1_000_000L + (nanos % 1_000_000L == 0 ? 0 : 1);
        long at = nowMillis + millis;
        return ((nowMillis ^ at) & (millis ^ at)) < 0 ? Long.MAX_VALUE : at;
    }
}

package dev.restdatasource.backend;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the SPI's {@code ttl} argument means to a store: the steps every store's {@code set} shares
 * ({@link #setOrRemove}) and saturating conversions to the units of the vendors' calls. Public for the backend
 * modules. Stateless.
 */
public final class Ttl {
    private Ttl() {
    }

    /**
     * The skeleton of {@code KeyValueCache.set}: checks that {@code key} and {@code value} are not {@code null}
     * (throwing {@link NullPointerException} at once), then runs {@code remove} when {@code ttl} is zero or negative
     * (such an entry is already expired: a set must delete what the key held, never store it), otherwise {@code write},
     * which converts {@code ttl} ({@code null} means no expiry) with one of the methods below. Returns what the
     * chosen call returns.
     *
     * @param remove the store's delete of {@code key}, its result discarded by the caller
     * @param write  the store's write of {@code value} under {@code key} for a positive or {@code null} ttl
     */
    public static <R> R setOrRemove(String key, byte[] value, Duration ttl, Supplier<R> remove, Supplier<R> write) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return isNonPositive(ttl) ? remove.get() : write.get();
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

package dev.restdatasource.internal.bridge;

import java.time.Duration;

/**
 * The longest duration the library counts with: 100 years (36,525 days). A TTL or timeout longer than that, such as
 * {@code ChronoUnit.FOREVER.getDuration()} or {@code Duration.ofSeconds(Long.MAX_VALUE)}, is clamped to it where it
 * enters the library, so that adding ages and windows, converting to milliseconds or nanoseconds, or computing a
 * deadline never overflows. Twice this bound still fits in a {@code long} of nanoseconds. Stateless.
 */
public final class Durations {
    /** 100 years: "a very long time" for a TTL or a timeout. */
    public static final Duration LONGEST = Duration.ofDays(36_525);

    private Durations() {
    }

    /** {@code d} or {@link #LONGEST}, whichever is shorter; {@code null} stays {@code null}, negative values stay as they are. */
    public static Duration clamp(Duration d) {
        return d != null && d.compareTo(LONGEST) > 0 ? LONGEST : d;
    }
}

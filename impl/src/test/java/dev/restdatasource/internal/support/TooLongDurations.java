package dev.restdatasource.internal.support;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

/** Durations too long to count in nanoseconds or milliseconds, for parameterized tests of every duration boundary. */
public final class TooLongDurations {
    /** The {@code @MethodSource} name of {@link #values()}. */
    public static final String SOURCE = "dev.restdatasource.internal.support.TooLongDurations#values";

    private TooLongDurations() {
    }

    /** {@code ChronoUnit.FOREVER} and {@code Long.MAX_VALUE} seconds. */
    public static Stream<Duration> values() {
        return Stream.of(ChronoUnit.FOREVER.getDuration(), Duration.ofSeconds(Long.MAX_VALUE));
    }
}

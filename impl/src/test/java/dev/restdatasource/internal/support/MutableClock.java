package dev.restdatasource.internal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock tests move by hand, seen both as a {@link Clock} (wall time, for the cache policy and the JCache
 * store) and as a nano ticker ({@link #nanoTime()}, for the in-memory store and the store timeouts); {@link #advance}
 * moves both. Public for every test package. Thread-safe.
 */
public final class MutableClock extends Clock {
    private static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:01Z");
    /** The ticker's first value: not zero, so code that treats 0 as "never" sees a real time. */
    private static final long FIRST_NANO = 1_000_000_000L;

    private final Instant origin;
    private final AtomicLong nanos = new AtomicLong(FIRST_NANO);

    /** A clock at {@code start}. */
    public MutableClock(Instant start) {
        this.origin = start.minusNanos(FIRST_NANO);
    }

    /** A clock at 2025-01-01T00:00:01Z. */
    public MutableClock() {
        this(DEFAULT_START);
    }

    /** A clock {@code seconds} after the epoch. */
    public static MutableClock atEpochSecond(long seconds) {
        return new MutableClock(Instant.ofEpochSecond(seconds));
    }

    /** Moves the clock and the ticker forward by {@code d}. */
    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    /** The ticker: nanoseconds on an arbitrary scale, as {@link System#nanoTime()}. */
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(nanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

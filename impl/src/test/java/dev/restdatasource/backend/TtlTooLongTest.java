package dev.restdatasource.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.restdatasource.internal.support.TooLongDurations;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TTLs too long to count (ChronoUnit.FOREVER, Long.MAX_VALUE seconds) saturate in every conversion, never throw. */
class TtlTooLongTest {
    @ParameterizedTest
    @MethodSource(TooLongDurations.SOURCE)
    void saturates(Duration ttl) {
        assertFalse(Ttl.isNonPositive(ttl));
        assertEquals("write", Ttl.setOrRemove("k", new byte[] {1}, ttl, () -> "remove", () -> "write"));
        assertEquals(Long.MAX_VALUE, Ttl.toNanos(ttl));
        assertEquals(0, Ttl.millisRoundedUp(ttl)); // "no expiry" for the stores that read 0 so
        assertEquals(Long.MAX_VALUE, Ttl.expiresAtMillis(System.currentTimeMillis(), ttl));
        assertEquals(Long.MAX_VALUE, Ttl.expiresAtMillis(Long.MAX_VALUE - 1, Duration.ofDays(1)));
    }
}

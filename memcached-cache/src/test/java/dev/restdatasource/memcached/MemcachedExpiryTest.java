package dev.restdatasource.memcached;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** memcached's exptime for the engine's ttls. */
class MemcachedExpiryTest {
    private static final long NOW = 1_800_000_000L;

    @Test
    void nullNeverExpires() {
        assertEquals(0, MemcachedExpiry.exptime(null, NOW));
    }

    @Test
    void ttlsRoundUpToWholeSeconds() {
        assertEquals(1, MemcachedExpiry.exptime(Duration.ofNanos(1), NOW));
        assertEquals(1, MemcachedExpiry.exptime(Duration.ofMillis(1), NOW));
        assertEquals(1, MemcachedExpiry.exptime(Duration.ofMillis(1_000), NOW));
        assertEquals(2, MemcachedExpiry.exptime(Duration.ofMillis(1_001), NOW));
        assertEquals(300, MemcachedExpiry.exptime(Duration.ofSeconds(300), NOW));
    }

    @Test
    void upTo30DaysIsRelativeLongerIsAbsoluteUnixTime() {
        assertEquals(2_592_000, MemcachedExpiry.exptime(Duration.ofDays(30), NOW));
        assertEquals(NOW + 2_592_001, MemcachedExpiry.exptime(Duration.ofDays(30).plusMillis(1), NOW));
        assertEquals(NOW + 31 * 86_400, MemcachedExpiry.exptime(Duration.ofDays(31), NOW));
    }

    @Test
    void beyondTheProtocolsLastSecondIsCapped() {
        assertEquals(Integer.MAX_VALUE, MemcachedExpiry.exptime(Duration.ofDays(365 * 100), NOW));
        assertEquals(Integer.MAX_VALUE, MemcachedExpiry.exptime(Duration.ofSeconds(Long.MAX_VALUE), NOW));
    }

    @Test
    void zeroOrNegativeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MemcachedExpiry.exptime(Duration.ZERO, NOW));
        assertThrows(IllegalArgumentException.class, () -> MemcachedExpiry.exptime(Duration.ofSeconds(-1), NOW));
    }
}

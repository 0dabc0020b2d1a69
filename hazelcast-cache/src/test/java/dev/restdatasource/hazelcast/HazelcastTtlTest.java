package dev.restdatasource.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hazelcast reads a TTL of 0 as "never": only a null (or uncountable) ttl may become 0. */
class HazelcastTtlTest {
    @Test
    void nullTtlIsNoExpiry() {
        assertEquals(0, HazelcastKeyValueCache.ttlMillis(null));
    }

    @Test
    void subMillisecondTtlRoundsUpNeverToZero() {
        assertEquals(1, HazelcastKeyValueCache.ttlMillis(Duration.ofNanos(1)));
        assertEquals(2, HazelcastKeyValueCache.ttlMillis(Duration.ofNanos(1_000_001)));
        assertEquals(1_000, HazelcastKeyValueCache.ttlMillis(Duration.ofSeconds(1)));
    }

    @Test
    void uncountablyLongTtlIsNoExpiry() {
        assertEquals(0, HazelcastKeyValueCache.ttlMillis(Duration.ofSeconds(Long.MAX_VALUE)));
    }
}

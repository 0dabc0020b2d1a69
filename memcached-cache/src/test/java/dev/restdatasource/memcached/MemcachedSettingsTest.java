package dev.restdatasource.memcached;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of {@link MemcachedSettings}: each message starts with the setting's key. */
class MemcachedSettingsTest {
    @Test
    void serversNeedAHostAndAPortInRange() {
        assertEquals(List.of("h1:11211", "[::1]:11212"),
                MemcachedSettings.of(List.of("h1:11211", "[::1]:11212")).servers());
        for (String bad : List.of("host", "host:", ":11211", "host:0", "host:65536", "host:x", "a b:1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MemcachedSettings.of(List.of(bad)), bad);
            assertEquals("servers: '" + bad + "'", e.getMessage().substring(0, bad.length() + 11));
        }
        assertThrows(IllegalArgumentException.class, () -> MemcachedSettings.of(List.of()));
    }

    @Test
    void numbersAndDurationsAreChecked() {
        MemcachedSettings ok = MemcachedSettings.of(List.of("127.0.0.1:11211"));
        assertThrows(IllegalArgumentException.class, () -> ok.withOpTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ok.withHealInterval(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> ok.withMaxItemSize(0));
        assertThrows(IllegalArgumentException.class, () -> new MemcachedSettings(ok.servers(), ok.opTimeout(),
                ok.connectTimeout(), ok.healInterval(), true, 0, 1));
    }
}

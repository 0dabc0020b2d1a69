package dev.restdatasource.backend;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Server addresses of the backend settings: every accepted form, and each wrong one named with its key. */
class HostPortTest {
    @Test
    void readsEveryFormWithoutResolving() {
        assertEquals(new HostPort("cache-1.internal", 11211), HostPort.parse("k", " cache-1.internal:11211 ", true));
        assertEquals(new HostPort("::1", 7), HostPort.parse("k", "[::1]:7", true));
        assertEquals(new HostPort("::1", HostPort.NO_PORT), HostPort.parse("k", "::1", false));
        assertEquals(new HostPort("h", HostPort.NO_PORT), HostPort.parse("k", "h", false));
        assertEquals("h:1;[::1]:2;::1;h", String.join(";", HostPort.parseList("k", "h:1, [::1]:2;;::1 ,h", false)
                .stream().map(HostPort::toString).toList()));
    }

    @Test
    void aWrongEntryIsNamedWithItsKey() {
        for (String bad : List.of("h", "h:", ":1", "h:0", "h:65536", "h:x", "a b:1", "[::1", "[::1]x", "[]:1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HostPort.parse("restdatasource.x.servers", bad, true), bad);
            assertEquals("restdatasource.x.servers: '" + bad + "' must be host:port with a port within 1..65535",
                    e.getMessage());
        }
        assertEquals("k: 'h:0' must be host or host:port with a port within 1..65535",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse("k", "h:0", false)).getMessage());
        assertEquals("k must list at least one host:port: ' ; '",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parseList("k", " ; ", true)).getMessage());
    }
}

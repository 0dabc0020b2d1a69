package dev.restdatasource.memcached.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restdatasource.backend.InvalidSettingsException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Reading the {@code restdatasource.memcached.*} keys, without a server. */
class MemcachedCacheProducerTest {
    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    @Test
    void valuesAreRead() {
        var settings = MemcachedCacheProducer.read(config(Map.of("restdatasource.memcached.servers",
                " 127.0.0.1:11211 , [::1]:11212", "restdatasource.memcached.op-timeout", "250ms")));
        assertEquals(List.of("127.0.0.1:11211", "[::1]:11212"), settings.servers());
        assertEquals(Duration.ofMillis(250), settings.opTimeout());
    }

    @Test
    void everyWrongValueIsReportedAtOnceEachNamingItsFullKey() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> MemcachedCacheProducer.read(
                config(Map.of(
                        "restdatasource.memcached.servers", "127.0.0.1:0",
                        "restdatasource.memcached.op-timeout", "soon",
                        "restdatasource.memcached.failure-mode", "yes",
                        "restdatasource.memcached.heal-interval", "0s",
                        "restdatasource.memcached.connection-pool-size", "0"))));
        assertEquals(List.of(
                "restdatasource.memcached.op-timeout: 'soon' is not a duration (use 500ms, 30s, 2m or an ISO-8601"
                        + " duration)",
                "restdatasource.memcached.failure-mode: 'yes' must be true or false",
                "restdatasource.memcached.servers: '127.0.0.1:0' must be host:port with a port within 1..65535",
                "restdatasource.memcached.heal-interval must be positive: PT0S",
                "restdatasource.memcached.connection-pool-size must be within 1..64: 0"), e.problems());
    }
}

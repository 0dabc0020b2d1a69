package dev.restdatasource.infinispan.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.backend.InvalidSettingsException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extension's key check: every key the producer reads passes, a misspelt one is named; servers are checked. */
class InfinispanCacheExtensionTest {
    @Test
    void unknownKeysUnderThePrefixAreNamedAndKnownOnesPass() {
        assertEquals(List.of(), new InfinispanCacheExtension().unknownKeys(List.of("restdatasource.infinispan.mode",
                "restdatasource.infinispan.cluster-name", "restdatasource.infinispan.bind-address",
                "restdatasource.infinispan.bind-port", "restdatasource.infinispan.initial-hosts",
                "restdatasource.infinispan.owners", "restdatasource.infinispan.servers",
                "restdatasource.infinispan.cache-name", "restdatasource.movies.url", "other.key")));
        List<String> problems = new InfinispanCacheExtension().unknownKeys(List.of("restdatasource.infinispan.initial-host",
                "restdatasource.infinispan.mode"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("restdatasource.infinispan.initial-host: unknown key; the known keys are"
                + " restdatasource.infinispan.mode, restdatasource.infinispan.cluster-name,"), problems.get(0));
    }

    @Test
    void serversNeedOneHostAndValidPortsAndAreNormalized() {
        assertEquals("127.0.0.1:11222;h2;[::1]:11223;::1",
                InfinispanCacheProducer.servers(" 127.0.0.1:11222 , h2;[::1]:11223;;::1 "));
        for (String[] bad : new String[][] {
                {" ; ", "restdatasource.infinispan.servers must list at least one host:port: ' ; '"},
                {"127.0.0.1:70000", "restdatasource.infinispan.servers: '127.0.0.1:70000' must be host or host:port"
                        + " with a port within 1..65535"},
                {"127.0.0.1:11222;:11223", "restdatasource.infinispan.servers: ':11223' must be host or host:port"
                        + " with a port within 1..65535"},
                {"h:abc", "restdatasource.infinispan.servers: 'h:abc' must be host or host:port with a port"
                        + " within 1..65535"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InfinispanCacheProducer.servers(bad[0]));
            assertEquals(bad[1], e.getMessage());
        }
    }

    @Test
    void everyWrongValueIsReportedAtOnceEachNamingItsFullKey() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> InfinispanCacheProducer.read(
                new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                        "restdatasource.infinispan.mode", "embedded",
                        "restdatasource.infinispan.bind-port", "70000",
                        "restdatasource.infinispan.owners", "0",
                        "restdatasource.infinispan.cluster-name", " "), "test", 500)).build()));
        assertEquals(List.of("restdatasource.infinispan.cluster-name must not be blank",
                "restdatasource.infinispan.bind-port must be within 1..15535 (FD_SOCK2 uses port + 50000): 70000",
                "restdatasource.infinispan.owners must be at least 1: 0"), e.problems());
    }
}

package dev.restdatasource.infinispan.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}

package dev.restdatasource.infinispan.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The extension's key check: every key the producer reads passes, a misspelt one is named. */
class InfinispanCacheExtensionTest {
    @Test
    void unknownKeysUnderThePrefixAreNamedAndKnownOnesPass() {
        assertEquals(List.of(), InfinispanCacheExtension.unknownKeys(List.of("restdatasource.infinispan.mode",
                "restdatasource.infinispan.cluster-name", "restdatasource.infinispan.bind-address",
                "restdatasource.infinispan.bind-port", "restdatasource.infinispan.initial-hosts",
                "restdatasource.infinispan.owners", "restdatasource.infinispan.servers",
                "restdatasource.infinispan.cache-name", "restdatasource.movies.url", "other.key")));
        List<String> problems = InfinispanCacheExtension.unknownKeys(List.of("restdatasource.infinispan.initial-host",
                "restdatasource.infinispan.mode"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("restdatasource.infinispan.initial-host: unknown key; the known keys are"
                + " restdatasource.infinispan.mode, restdatasource.infinispan.cluster-name,"), problems.get(0));
    }
}

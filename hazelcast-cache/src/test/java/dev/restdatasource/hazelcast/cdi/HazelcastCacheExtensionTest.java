package dev.restdatasource.hazelcast.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The extension's key check: every key the producer reads passes, a misspelt one is named. */
class HazelcastCacheExtensionTest {
    @Test
    void unknownKeysUnderThePrefixAreNamedAndKnownOnesPass() {
        assertEquals(List.of(), new HazelcastCacheExtension().unknownKeys(List.of("restdatasource.hazelcast.mode",
                "restdatasource.hazelcast.cluster-name", "restdatasource.hazelcast.interface",
                "restdatasource.hazelcast.port", "restdatasource.hazelcast.members",
                "restdatasource.hazelcast.backup-count", "restdatasource.hazelcast.addresses",
                "restdatasource.hazelcast.map-name", "restdatasource.movies.url", "other.key")));
        assertEquals(List.of("restdatasource.hazelcast.memebers: unknown key; the known keys are"
                + " restdatasource.hazelcast.mode, restdatasource.hazelcast.cluster-name, restdatasource.hazelcast.interface,"
                + " restdatasource.hazelcast.port, restdatasource.hazelcast.members, restdatasource.hazelcast.backup-count,"
                + " restdatasource.hazelcast.addresses, restdatasource.hazelcast.map-name"),
                new HazelcastCacheExtension().unknownKeys(List.of("restdatasource.hazelcast.memebers")));
    }
}

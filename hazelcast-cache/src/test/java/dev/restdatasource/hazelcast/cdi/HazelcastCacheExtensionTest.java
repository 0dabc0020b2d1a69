package dev.restdatasource.hazelcast.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restdatasource.backend.InvalidSettingsException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
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

    @Test
    void clientAddressesAreCheckedAndNormalized() {
        assertEquals(List.of("127.0.0.1:5701", "cache-2", "[::1]:5702"),
                HazelcastCacheProducer.read(client(" 127.0.0.1:5701 ,cache-2, [::1]:5702")).addresses());
        for (String[] bad : new String[][] {
                {" , ", "restdatasource.hazelcast.addresses must list at least one host:port: ' , '"},
                {"127.0.0.1:70000", "restdatasource.hazelcast.addresses: '127.0.0.1:70000' must be host or host:port"
                        + " with a port within 1..65535"},
                {"127.0.0.1:5701-5703", "restdatasource.hazelcast.addresses: '127.0.0.1:5701-5703' must be host or"
                        + " host:port with a port within 1..65535"}}) {
            assertEquals(bad[1], assertThrows(IllegalArgumentException.class,
                    () -> HazelcastCacheProducer.read(client(bad[0]))).getMessage());
        }
    }

    private static Config client(String addresses) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "restdatasource.hazelcast.mode", "client", "restdatasource.hazelcast.addresses", addresses),
                "test", 500)).build();
    }

    @Test
    void everyWrongValueIsReportedAtOnceEachNamingItsFullKey() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> HazelcastCacheProducer.read(
                new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                        "restdatasource.hazelcast.mode", "embedded",
                        "restdatasource.hazelcast.port", "abc",
                        "restdatasource.hazelcast.members", " , ",
                        "restdatasource.hazelcast.backup-count", "7"), "test", 500)).build()));
        assertEquals(List.of("restdatasource.hazelcast.port is not a whole number: abc",
                "restdatasource.hazelcast.members must list at least one host:port",
                "restdatasource.hazelcast.backup-count must be within 0..6: 7"), e.problems());
    }
}

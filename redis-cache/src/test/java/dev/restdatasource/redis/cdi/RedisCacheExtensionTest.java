package dev.restdatasource.redis.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restdatasource.backend.InvalidSettingsException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extension's key check: every key the producer reads passes, a misspelt one is named. */
class RedisCacheExtensionTest {
    @Test
    void unknownKeysUnderThePrefixAreNamedAndKnownOnesPass() {
        List<String> known = RedisCacheProducer.KEYS.stream().map(k -> "restdatasource.redis." + k).toList();
        assertEquals(11, known.size());
        assertEquals(List.of(), new RedisCacheExtension().unknownKeys(known));
        assertEquals(List.of(), new RedisCacheExtension().unknownKeys(List.of("restdatasource.movies.url", "other")));
        List<String> problems = new RedisCacheExtension().unknownKeys(List.of("restdatasource.redis.tls.verify-peer"));
        assertEquals(1, problems.size());
        assertEquals(true, problems.get(0).startsWith("restdatasource.redis.tls.verify-peer: unknown key; the known keys"
                + " are restdatasource.redis.uri, restdatasource.redis.cluster,"), problems.get(0));
    }

    @Test
    void everyWrongValueIsReportedAtOnceEachNamingItsFullKey() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> RedisCacheProducer.read(
                new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                        "restdatasource.redis.uri", "redis://127.0.0.1:6379",
                        "restdatasource.redis.cluster", "yes",
                        "restdatasource.redis.connect-timeout", "soon",
                        "restdatasource.redis.command-timeout", "0s",
                        "restdatasource.redis.tls.verify", "strict"), "test", 500)).build()));
        assertEquals(List.of("restdatasource.redis.cluster: 'yes' must be true or false",
                "restdatasource.redis.connect-timeout: 'soon' is not a duration (use 500ms, 30s, 2m or an ISO-8601"
                        + " duration)",
                "restdatasource.redis.tls.verify must be full, ca or none: strict",
                "restdatasource.redis.command-timeout must be positive: PT0S"), e.problems());
    }
}

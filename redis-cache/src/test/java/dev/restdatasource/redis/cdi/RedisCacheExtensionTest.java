package dev.restdatasource.redis.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}

package dev.restdatasource.memcached;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which keys memcached gets as they are and which hashed. */
class MemcachedKeysTest {
    @Test
    void printableAsciiUpTo250CharactersIsSentAsItIs() {
        String longest = "k".repeat(250);
        assertEquals(longest, MemcachedKeys.safe(longest));
        assertEquals("GET:https://api.example/movies/1?x=%20", MemcachedKeys.safe("GET:https://api.example/movies/1?x=%20"));
    }

    @Test
    void longSpacedControlAndNonAsciiKeysBecomeAFixedLengthHash() {
        for (String key : List.of("k".repeat(251), "with space", "new\nline", "tab\t", "del\u007f", "ключ", "é", "")) {
            String safe = MemcachedKeys.safe(key);
            assertTrue(safe.matches("~sha256:[0-9a-f]{64}"), key + " -> " + safe);
            assertTrue(safe.getBytes(StandardCharsets.UTF_8).length <= MemcachedKeys.MAX_KEY_BYTES);
        }
    }

    @Test
    void aKeyThatLooksHashedIsHashedAgainSoItCannotCollide() {
        String hashed = MemcachedKeys.safe("with space");
        String again = MemcachedKeys.safe(hashed);
        assertTrue(again.startsWith(MemcachedKeys.HASHED_PREFIX));
        assertNotEquals(hashed, again, "a key equal to another key's hashed form gets another memcached key");
    }

    @Test
    void unpairedSurrogatesDoNotCollide() {
        assertNotEquals(MemcachedKeys.safe("a\ud800"), MemcachedKeys.safe("a\udc00"));
    }
}

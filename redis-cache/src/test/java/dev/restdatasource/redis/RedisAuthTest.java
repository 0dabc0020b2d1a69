package dev.restdatasource.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credentials against a real redis-server on 127.0.0.1 whose {@code default} user needs a password
 * ({@code --requirepass}) and which has an ACL user {@code alice} allowed only keys starting with {@code app:}: the
 * password in the URI, the {@code password} key, {@code username} + {@code password} for the ACL user; a wrong or
 * missing password makes every call a miss with a WARNING, never a hang.
 */
class RedisAuthTest {
    private static final String PASSWORD = "s3cret-default";
    private static final String ALICE_PASSWORD = "alice-pw";
    private static final String WRONG = "wrong-pw-7f3a";
    @AutoClose
    private static RedisTestServer server;
    @AutoClose
    private RedisKeyValueCache store;

    @BeforeAll
    static void startServer() {
        server = RedisTestServer.startedWithUser(LoopbackPorts.free(1, 55_000, 60_000, 0).get(0), PASSWORD, "alice",
                ALICE_PASSWORD, "app:*");
    }

    @Test
    void thePasswordInTheUriAuthenticates() {
        store = RedisCaches.connect(RedisSettings.of("redis://:" + PASSWORD + "@127.0.0.1:" + server.port()));
        StoreChecks.serves(store);
    }

    @Test
    void thePasswordKeyAuthenticates() {
        store = RedisCaches.connect(RedisSettings.of(server.uri()).withCredentials(null, PASSWORD));
        StoreChecks.serves(store);
    }

    @Test
    void thePasswordKeyOverridesAWrongPasswordInTheUri() {
        store = RedisCaches.connect(RedisSettings.of("redis://:wrong@127.0.0.1:" + server.port())
                .withCredentials(null, PASSWORD));
        StoreChecks.serves(store);
    }

    @Test
    void anAclUserAuthenticatesWithUsernameAndPassword() {
        store = RedisCaches.connect(RedisSettings.of(server.uri()).withCredentials("alice", ALICE_PASSWORD)
                .withKeyPrefix("app:"));
        StoreChecks.serves(store);
    }

    @Test
    void theAclUserIsReallyTheOneConnected() {
        // alice may touch app:* only: outside it Redis refuses (NOPERM), which the default user would not.
        store = RedisCaches.connect(RedisSettings.of(server.uri()).withCredentials("alice", ALICE_PASSWORD)
                .withKeyPrefix("other:"));
        String warning = StoreChecks.refusesAsMisses(store);
        assertTrue(warning.contains("NOPERM"), warning);
    }

    @Test
    void anAclUserInTheUriAuthenticates() {
        store = RedisCaches.connect(RedisSettings.of("redis://alice:" + ALICE_PASSWORD + "@127.0.0.1:" + server.port())
                .withKeyPrefix("app:"));
        StoreChecks.serves(store);
    }

    @Test
    void aWrongPasswordGivesMissesAndSaysWhy() {
        store = RedisCaches.connect(RedisSettings.of(server.uri()).withCredentials(null, WRONG));
        String warning = StoreChecks.refusesAsMisses(store);
        assertTrue(warning.contains("WRONGPASS"), warning);
        assertFalse(warning.contains(WRONG), "the line does not show the password: " + warning);
    }

    @Test
    void aWrongAclPasswordGivesMissesAndSaysWhy() {
        store = RedisCaches.connect(RedisSettings.of(server.uri()).withCredentials("alice", WRONG));
        String warning = StoreChecks.refusesAsMisses(store);
        assertTrue(warning.contains("WRONGPASS"), warning);
        assertFalse(warning.contains(WRONG), "the line does not show the password: " + warning);
    }

    @Test
    void noPasswordGivesMissesAndSaysWhy() {
        store = RedisCaches.connect(RedisSettings.of(server.uri()));
        String warning = StoreChecks.refusesAsMisses(store);
        assertTrue(warning.contains("NOAUTH"), warning);
    }
}

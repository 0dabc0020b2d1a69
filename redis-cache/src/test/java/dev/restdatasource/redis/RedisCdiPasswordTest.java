package dev.restdatasource.redis;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link RedisCdiTest}'s client tests again against a redis-server whose {@code default} user needs a password, given
 * by the {@code password} key: the producer's own client and an application {@code RedisClient} bean (to which the
 * producer passes the credentials with the URI) both authenticate. The server also has an ACL user {@code alice}
 * for {@link RedisCdiAclUserTest}. The wrong settings are {@link RedisCdiTest}'s business.
 */
class RedisCdiPasswordTest extends RedisCdiTest {
    static final String PASSWORD = "cdi-default-pw";
    static final String ALICE_PASSWORD = "cdi-alice-pw";

    /** Hides {@link RedisCdiTest#startServer()}: the same, with the password and the ACL user. */
    @BeforeAll
    static void startServer() {
        server = RedisTestServer.startedWithUser(LoopbackPorts.free(1, 55_000, 60_000, 0).get(0), PASSWORD, "alice",
                ALICE_PASSWORD, "cdi-*");
    }

    @Override
    protected Map<String, String> clientSettings() {
        Map<String, String> settings = new HashMap<>(super.clientSettings());
        settings.put(prefix() + "password", PASSWORD);
        return settings;
    }

    @Override
    protected List<String[]> badSettings() {
        return List.of();
    }
}

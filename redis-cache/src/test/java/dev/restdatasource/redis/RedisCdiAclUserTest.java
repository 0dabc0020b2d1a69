package dev.restdatasource.redis;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link RedisCdiPasswordTest} as the ACL user {@code alice} ({@code username} and {@code password} keys), who may
 * only touch keys starting with {@code cdi-}, as the store's key prefix does; her password is not the
 * {@code default} user's, so only an authentication as alice lets the tests pass.
 */
class RedisCdiAclUserTest extends RedisCdiPasswordTest {
    @Override
    protected Map<String, String> clientSettings() {
        Map<String, String> settings = new HashMap<>(super.clientSettings());
        settings.put(prefix() + "username", "alice");
        settings.put(prefix() + "password", ALICE_PASSWORD);
        return settings;
    }
}

package dev.restdatasource.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one list of request fields that carry credentials, and the keyed hash of their values. */
class CredentialHeadersTest {
    private static final byte[] SECRET = "shared by the cluster".getBytes(StandardCharsets.UTF_8);

    @Test
    void theBuiltInNamesComeFirstInAFixedOrderAndAddedOnesFollowSorted() {
        assertEquals(List.of("authorization", "cookie", "proxy-authorization"), CredentialHeaders.DEFAULT.names());
        assertEquals(List.of("authorization", "cookie", "proxy-authorization", "x-api-key", "x-auth-token"),
                CredentialHeaders.of(List.of("X-Auth-Token", "x-api-key", "Cookie", "X-API-KEY"), null).names());
        assertSame(CredentialHeaders.DEFAULT, CredentialHeaders.of(List.of("authorization"), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "cookie", "Proxy-Authorization"})
    void anyOneOfTheBuiltInOnesIsCredentials(String name) {
        assertTrue(CredentialHeaders.DEFAULT.present(Headers.of("accept", "*/*", name, "x")));
    }

    @Test
    void otherFieldsAreCredentialsOnlyWhenConfigured() {
        Headers apiKey = Headers.of("accept", "*/*", "x-api-key", "k1", "set-cookie", "a=b");
        assertFalse(CredentialHeaders.DEFAULT.present(apiKey));
        assertFalse(CredentialHeaders.DEFAULT.present(Headers.empty()));
        assertTrue(CredentialHeaders.of(List.of("X-Api-Key"), null).present(apiKey));
    }

    @Test
    void removeFromDropsThemAllAndKeepsTheRest() {
        Headers.Builder headers = Headers.of("authorization", "Bearer t", "cookie", "a=b", "proxy-authorization", "Basic x",
                "x-api-key", "k", "accept", "*/*").toBuilder();
        assertEquals(Headers.of("accept", "*/*"), CredentialHeaders.of(List.of("x-api-key"), null).removeFrom(headers).build());
    }

    @Test
    void theFingerprintTellsUsersApartAndIsEmptyWithoutCredentials() {
        CredentialHeaders credentials = CredentialHeaders.of(List.of("x-api-key"), SECRET);
        String alice = credentials.fingerprint(Headers.of("x-api-key", "alice"));
        assertEquals(alice, credentials.fingerprint(Headers.of("X-Api-Key", " alice ", "accept", "*/*")));
        assertNotEquals(alice, credentials.fingerprint(Headers.of("x-api-key", "bob")));
        assertNotEquals(alice, credentials.fingerprint(Headers.of("authorization", "alice")), "the field is part of it");
        assertNotEquals(credentials.fingerprint(Headers.of("cookie", "")), credentials.fingerprint(Headers.of("x-api-key", "")));
        assertEquals("", credentials.fingerprint(Headers.of("accept", "*/*")));
        assertEquals(22, alice.length()); // 128 bits, base64url without padding
    }

    @Test
    void theFingerprintIsKeyedSoItCannotBeCheckedAgainstGuessesWithoutTheSecret() throws Exception {
        Headers basic = Headers.of("authorization", "Basic YWxpY2U6cGFzc3dvcmQ=");
        String keyed = CredentialHeaders.of(List.of(), SECRET).fingerprint(basic);
        assertEquals(keyed, CredentialHeaders.of(List.of(), SECRET.clone()).fingerprint(basic), "same secret, same key");
        assertNotEquals(keyed, CredentialHeaders.of(List.of(), "another secret".getBytes(StandardCharsets.UTF_8)).fingerprint(basic));
        assertNotEquals(keyed, CredentialHeaders.DEFAULT.fingerprint(basic), "the default secret is random");
        // What an unkeyed hash of the same input would be: a guess can be checked against it offline; not so here.
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("authorization".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 1);
        sha.update("Basic YWxpY2U6cGFzc3dvcmQ=".getBytes(StandardCharsets.UTF_8));
        String unkeyed = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(sha.digest(), 16));
        assertNotEquals(unkeyed, keyed);
    }

    @Test
    void aConfigurationGivesItsNamesAndSecret() {
        DataSourceConfig config = DataSourceConfig.builder().credentialHeaders(List.of("X-Api-Key"))
                .credentialHashSecret("shared by the cluster").build();
        CredentialHeaders credentials = CredentialHeaders.of(config);
        assertEquals("x-api-key", credentials.names().get(3));
        assertEquals(CredentialHeaders.of(List.of("x-api-key"), SECRET).fingerprint(Headers.of("x-api-key", "k")),
                credentials.fingerprint(Headers.of("x-api-key", "k")));
        assertSame(CredentialHeaders.DEFAULT, CredentialHeaders.of(DataSourceConfig.defaults()));
    }

    @Test
    void invalidNamesAndAnEmptySecretAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CredentialHeaders.of(List.of("x api key"), null));
        assertThrows(IllegalArgumentException.class, () -> CredentialHeaders.of(List.of(), new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> DataSourceConfig.builder().credentialHeaders(List.of("bad:name")));
        assertThrows(IllegalArgumentException.class, () -> DataSourceConfig.builder().credentialHashSecret(""));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertEquals("CredentialHeaders[authorization, cookie, proxy-authorization]",
                CredentialHeaders.of(List.of(), SECRET).toString());
    }
}

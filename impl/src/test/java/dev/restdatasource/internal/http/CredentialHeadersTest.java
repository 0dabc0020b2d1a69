package dev.restdatasource.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one list of request fields that carry credentials. */
class CredentialHeadersTest {
    @Test
    void theListAndItsOrderAreFixedAsHashesOfTheValuesDependOnThem() {
        assertEquals(List.of("authorization", "cookie", "proxy-authorization"), CredentialHeaders.NAMES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "cookie", "Proxy-Authorization"})
    void anyOneOfThemIsCredentials(String name) {
        assertTrue(CredentialHeaders.present(Headers.of("accept", "*/*", name, "x")));
    }

    @Test
    void otherFieldsAreNotCredentials() {
        assertFalse(CredentialHeaders.present(Headers.of("accept", "*/*", "x-api-key-hint", "no", "set-cookie", "a=b")));
        assertFalse(CredentialHeaders.present(Headers.empty()));
    }

    @Test
    void removeFromDropsThemAllAndKeepsTheRest() {
        Headers.Builder headers = Headers.of("authorization", "Bearer t", "cookie", "a=b", "proxy-authorization", "Basic x",
                "accept", "*/*").toBuilder();
        assertEquals(Headers.of("accept", "*/*"), CredentialHeaders.removeFrom(headers).build());
    }
}

package dev.restdatasource.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.Headers;
import dev.restdatasource.internal.http.CredentialHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store keys are a storage format shared by every version and node using one store: these exact strings
 * must never change (hashes included), and a key says whether it is per user without being parsed.
 */
class CacheKeyTest {
    private static final String URL = "http://api.example/movies/1";

    private static Exchange exchange(String method, byte[] body) {
        return new Exchange(method, URI.create(URL), Headers.empty(), body, Duration.ofSeconds(5), method + " " + URL,
                false, response -> null, uri -> "GET " + uri);
    }

    @Test
    void primaryKeyOfAGetIsThePrefixAndTheCacheKey() {
        CacheKey key = CacheKey.primary(exchange("GET", null));
        assertEquals("httpcache:GET " + URL, key.value());
        assertFalse(key.perUser());
    }

    @Test
    void primaryKeyOfAGetIgnoresItsBody() {
        assertEquals("httpcache:GET " + URL, CacheKey.primary(exchange("GET", new byte[] {1})).value());
    }

    @Test
    void primaryKeyOfAnotherMethodWithABodyEndsWithTheBodyHash() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertEquals("httpcache:POST " + URL + " body:AVq9f1zFei3ZS3WQ8ErYCA", CacheKey.primary(exchange("POST", body)).value());
    }

    @Test
    void primaryKeyOfAnotherMethodWithoutABodyHasNoBodyHash() {
        assertEquals("httpcache:POST " + URL, CacheKey.primary(exchange("POST", null)).value());
        assertEquals("httpcache:POST " + URL, CacheKey.primary(exchange("POST", new byte[0])).value());
    }

    @Test
    void keyOfAGetToAUrlIsThePrefixAndItsCacheKey() {
        assertEquals("httpcache:GET " + URL, CacheKey.ofGet("GET " + URL).value());
    }

    /** Credentials hashed under a fixed secret, so the keys below are the storage format, checked value by value. */
    private static final CredentialHeaders CREDENTIALS = CredentialHeaders.of(List.of(), "test secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void perUserKeyEndsWithTheCredentialsHashAndSaysItIsPerUser() {
        CacheKey user = CacheKey.ofGet("GET " + URL).forUser(new CacheRequest("GET", Headers.of("authorization", "Bearer t"), CREDENTIALS));
        assertEquals("httpcache:GET " + URL + " user:Q1CQpjW2xfx2BQlsnUd--w", user.value());
        assertTrue(user.perUser());
    }

    @Test
    void aRequestWithoutCredentialsHasNoPerUserKey() {
        assertNull(CacheKey.ofGet("GET " + URL).forUser(new CacheRequest("GET", Headers.of("accept", "*/*"))));
    }

    @Test
    void variantKeyEndsWithTheVaryHashAndKeepsTheUser() {
        String fingerprint = CacheKey.varyFingerprint(List.of("accept-language"), Headers.of("accept-language", "fr"));
        assertEquals("vXe0rTtUhUqsVmUNdEM3hg", fingerprint);
        CacheKey shared = CacheKey.ofGet("GET " + URL);
        assertEquals("httpcache:GET " + URL + " vary:vXe0rTtUhUqsVmUNdEM3hg", shared.variant(fingerprint).value());
        assertFalse(shared.variant(fingerprint).perUser());
        CacheKey user = shared.forUser(new CacheRequest("GET", Headers.of("authorization", "Bearer t"), CREDENTIALS));
        assertEquals("httpcache:GET " + URL + " user:Q1CQpjW2xfx2BQlsnUd--w vary:vXe0rTtUhUqsVmUNdEM3hg",
                user.variant(fingerprint).value());
        assertTrue(user.variant(fingerprint).perUser());
    }

    @Test
    void thePrefixIsApollos() {
        assertEquals("httpcache:", CacheKey.PREFIX);
    }
}

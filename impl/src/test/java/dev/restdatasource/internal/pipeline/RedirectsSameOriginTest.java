package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.internal.cache.Exchange;
import dev.restdatasource.internal.http.CredentialHeaders;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A redirect keeps the credentials exactly when it stays on the origin, by the same rule as the cache's
 * invalidations: host and scheme compared ignoring case (RFC 3986 §6.2.2.1), default ports filled in.
 */
class RedirectsSameOriginTest {
    private static final Headers CREDENTIALS =
            Headers.of("authorization", "Bearer t", "cookie", "a=b", "proxy-authorization", "Basic x", "accept", "*/*");

    private static Headers nextHeaders(String location) {
        Exchange current = new Exchange("GET", URI.create("http://api.example/r"), CREDENTIALS, null, Duration.ofSeconds(5),
                "GET http://api.example/r", false, response -> null, uri -> "GET " + uri);
        DataSourceResponse redirect = DataSourceResponse.builder().url(current.url()).status(302)
                .headers(Headers.of("location", location)).build();
        return Redirects.next(current, redirect, 0, 5, CredentialHeaders.DEFAULT).headers();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/t", "http://API.EXAMPLE/t", "http://Api.Example:80/t", "HTTP://api.example/t"})
    void aRedirectOnTheSameOriginKeepsTheCredentials(String location) {
        assertEquals(CREDENTIALS, nextHeaders(location));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://other.example/t", "http://api.example:8080/t", "https://api.example/t"})
    void aRedirectToAnotherOriginDropsEveryCredential(String location) {
        Headers next = nextHeaders(location);
        assertNull(next.first("authorization"));
        assertNull(next.first("cookie"));
        assertNull(next.first("proxy-authorization"));
        assertEquals("*/*", next.first("accept"));
    }
}

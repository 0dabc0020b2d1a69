package dev.restdatasource.internal.cache;

import static dev.restdatasource.internal.cache.PolicyFixtures.POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restdatasource.Headers;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9111 §4.4: invalidation by unsafe requests. */
class Rfc9111InvalidationTest {
    private static final URI MOVIE = URI.create("https://api.example/movies/1");

    @Nested
    class Must {
        @ParameterizedTest
        @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "LOCK"})
        void unsafeRequestWithSuccessInvalidatesTheTargetUri(String method) {
            assertEquals(List.of(MOVIE), POLICY.invalidations(method, MOVIE, 200, Headers.empty()));
        }

        @Test
        void redirectionStatusAlsoInvalidates() {
            assertEquals(List.of(MOVIE), POLICY.invalidations("POST", MOVIE, 303, Headers.empty()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "TRACE", "get"})
        void safeMethodsInvalidateNothing(String method) {
            assertEquals(List.of(), POLICY.invalidations(method, MOVIE, 200, Headers.empty()));
        }

        @ParameterizedTest
        @ValueSource(ints = {100, 404, 409, 500, 503})
        void errorStatusesInvalidateNothing(int status) {
            assertEquals(List.of(), POLICY.invalidations("DELETE", MOVIE, status, Headers.empty()));
        }
    }

    @Nested
    class Should {
        @Test
        void sameOriginLocationAndContentLocationAreInvalidatedResolved() {
            List<URI> uris = POLICY.invalidations("POST", MOVIE, 201,
                    Headers.of("location", "/movies/2", "content-location", "https://API.example:443/movies/3"));
            assertEquals(List.of(MOVIE, URI.create("https://api.example/movies/2"),
                    URI.create("https://API.example:443/movies/3")), uris);
        }

        @Test
        void relativeLocationIsResolvedAgainstTheRequestUri() {
            assertEquals(List.of(MOVIE, URI.create("https://api.example/movies/1/ratings")),
                    POLICY.invalidations("PUT", MOVIE, 204, Headers.of("location", "1/ratings")));
        }

        @Test
        void locationOnAnotherHostIsNotInvalidated() {
            assertEquals(List.of(MOVIE), POLICY.invalidations("POST", MOVIE, 201,
                    Headers.of("location", "https://evil.example/movies/1")));
        }

        @Test
        void locationOnAnotherPortOrSchemeIsNotInvalidated() {
            assertEquals(List.of(MOVIE), POLICY.invalidations("POST", MOVIE, 201,
                    Headers.of("location", "https://api.example:8443/movies/1",
                            "content-location", "http://api.example/movies/1")));
        }

        @Test
        void locationEqualToTheRequestUriIsListedOnce() {
            assertEquals(List.of(MOVIE), POLICY.invalidations("PUT", MOVIE, 200,
                    Headers.of("content-location", "/movies/1")));
        }

        @Test
        void unparseableLocationIsSkipped() {
            assertEquals(List.of(MOVIE), POLICY.invalidations("POST", MOVIE, 201,
                    Headers.of("location", "http://bad host/ x")));
        }
    }
}

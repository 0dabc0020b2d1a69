package dev.restdatasource.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6454 §4 origins, compared after RFC 3986 §6.2.2.1 (case) and §6.2.3 (default port) normalisation. */
class OriginsTest {
    private static boolean same(String a, String b) {
        return Origins.same(URI.create(a), URI.create(b));
    }

    /** Asserts whether {@code a} and {@code b} have the same origin, both ways round. */
    private static void assertSameOrigin(boolean expected, String a, String b) {
        assertEquals(expected, same(a, b), a + " ~ " + b);
        assertEquals(expected, same(b, a), b + " ~ " + a);
    }

    @Nested
    class Must {
        @ParameterizedTest
        @CsvSource({
                "http://api.example/a, http://API.EXAMPLE/b",
                "http://Api.Example/a, http://api.example/b",
                "HTTP://api.example/a, http://api.example/b",
                "https://api.example/a, HTTPS://Api.Example:443/b"})
        void schemeAndHostAreCaseInsensitive(String a, String b) { // RFC 3986 §3.1, §3.2.2
            assertSameOrigin(true, a, b);
        }

        @ParameterizedTest
        @CsvSource({
                "http://api.example/a, http://api.example:80/b",
                "https://api.example/a, https://api.example:443/b",
                "http://API.example:80/a, http://api.EXAMPLE/b"})
        void anAbsentPortIsTheSchemesDefault(String a, String b) { // RFC 3986 §6.2.3
            assertSameOrigin(true, a, b);
        }

        @ParameterizedTest
        @CsvSource({
                "http://api.example/a, https://api.example/a",
                "http://api.example/a, http://api.example:8080/a",
                "https://api.example/a, https://api.example:80/a",
                "http://api.example/a, http://other.example/a",
                "http://api.example/a, http://sub.api.example/a"})
        void anotherSchemeHostOrPortIsAnotherOrigin(String a, String b) {
            assertSameOrigin(false, a, b);
        }

        @Test
        void pathQueryAndUserInfoDoNotMatter() {
            assertTrue(same("http://api.example/a?x=1#f", "http://user@api.example/other"));
        }

        @Test
        void aUriWithoutSchemeOrHostHasNoOrigin() {
            assertFalse(same("/relative", "/relative"));
            assertFalse(same("mailto:a@api.example", "mailto:a@api.example"));
        }
    }

    @Nested
    class Should {
        @Test
        void anUnknownSchemeHasNoDefaultPort() {
            assertEquals(-1, Origins.port(URI.create("ftp://files.example/a")));
            assertEquals(21, Origins.port(URI.create("ftp://files.example:21/a")));
            assertTrue(same("ws://h.example/a", "WS://H.example/b"));
        }
    }
}

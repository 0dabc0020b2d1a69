package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restdatasource.internal.http.UrlResolver;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-entry memo of the last parsed base URL changes no result, whatever the order of bases. */
class UrlResolverBaseMemoTest {
    @Test
    void alternatingBasesResolveEachAgainstItsOwnBase() {
        for (int i = 0; i < 3; i++) {
            assertEquals(URI.create("https://a.example/v1/movies/1"),
                    UrlResolver.resolve("https://a.example/v1/", "movies/{id}", List.of(1)));
            assertEquals(URI.create("https://a.example/v1/movies/1"),
                    UrlResolver.resolve("https://a.example/v1/", "movies/{id}", List.of(1)));
            assertEquals(URI.create("http://b.example/movies/2"),
                    UrlResolver.resolve("http://b.example", "movies/{id}", List.of(2)));
            assertEquals(URI.create("http://b.example/x"), UrlResolver.resolve("http://b.example", "x", List.of()));
        }
    }

    @Test
    void invalidBasesAreRefusedEveryTime() {
        UrlResolver.resolve("https://a.example/", "x", List.of());
        for (int i = 0; i < 2; i++) {
            assertThrows(IllegalArgumentException.class, () -> UrlResolver.resolve("ftp://a.example/", "x", List.of()));
            assertThrows(IllegalArgumentException.class, () -> UrlResolver.resolve("/relative/", "x", List.of()));
            assertThrows(IllegalArgumentException.class, () -> UrlResolver.resolve("http://a b/", "x", List.of()));
            assertThrows(IllegalArgumentException.class, () -> UrlResolver.resolve("", "x", List.of()));
        }
    }
}

package dev.restdatasource.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** URLs as log lines show them: no user information, no query values, no fragment. */
class RedactedUrlsTest {
    @Test
    void userInfoQueryValuesAndFragmentAreRemoved() {
        assertEquals("https://api.example.com:8443/v1/movies?api_key=***&sort=***&***",
                RedactedUrls.of(URI.create("https://user:pa55@api.example.com:8443/v1/movies?api_key=s3cret&sort=views&flag#top")));
        assertEquals("http://api.example.com/movies/1", RedactedUrls.of(URI.create("http://api.example.com/movies/1")));
        assertEquals("http://[::1]:8080/?=***", RedactedUrls.of(URI.create("http://[::1]:8080/?=x")));
        assertNull(RedactedUrls.of(null));
    }

    @Test
    void urlsInTextAreRedactedWhateverTheirScheme() {
        assertEquals("Upstream unavailable: GET https://api.example.com/m?token=*** could not connect",
                RedactedUrls.in("Upstream unavailable: GET https://u:p@api.example.com/m?token=abc could not connect"));
        assertEquals("redis://cache.example.com:6379/0", RedactedUrls.in("redis://:pa55@cache.example.com:6379/0"));
        assertEquals("no url here", RedactedUrls.in("no url here"));
        assertEquals("at http://host/*** (unparsable)", RedactedUrls.in("at http://u:p@host/a|b?x=1 (unparsable)"));
    }
}

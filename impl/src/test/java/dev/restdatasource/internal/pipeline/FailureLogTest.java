package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.internal.support.LogCapture;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each failed call is logged once at FINE on {@value FailureLog#LOGGER}, with the data source, method, URL, status and
 * code, and nothing secret: no user information, no query value, no header.
 */
class FailureLogTest {
    private static final String SECRETS = "pa55word|s3cret|tok3n|Authorization|Bearer";

    private final Upstream upstream = new Upstream();
    private final DataSourceConfig config = DataSourceConfig.builder().cache(InMemoryKeyValueCache.create())
            .requestTimeout(Duration.ofSeconds(10)).build();
    private final LogCapture log = LogCapture.start(FailureLog.LOGGER, Level.FINE);

    @AfterEach
    void release() {
        log.close();
        upstream.close();
    }

    @Test
    void anErrorStatusIsLoggedOnceWithStatusAndCodeAndWithoutSecrets() {
        upstream.on("/e", r -> Reply.status(401).header("Content-Type", "application/json").body("{\"token\":\"s3cret\"}"));
        TestSource source = new TestSource(config, upstream.url().replace("://", "://reader:pa55word@"));
        assertThrows(DataSourceException.class, () -> source.doGet("e").param("api_key", "s3cret").param("page", 2)
                .header("Authorization", "Bearer tok3n").as(String.class));
        assertEquals(List.of("TestSource GET " + upstream.url() + "e?api_key=***&page=*** failed: status 401, code"
                + " UNAUTHENTICATED: 401: Unauthorized"), log.messages(Level.FINE));
        assertNoSecrets();
    }

    @Test
    void aTransportFailureIsLoggedWithItsCodeAndTheUrlInItsMessageRedacted() {
        TestSource source = new TestSource(config, "http://reader:pa55word@127.0.0.1:1/");
        assertThrows(DataSourceException.class, () -> source.doGet("m").param("token", "tok3n").as(String.class));
        List<String> lines = log.messages(Level.FINE);
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("TestSource GET http://127.0.0.1:1/m?token=*** failed: no response, code"
                + " UPSTREAM_UNAVAILABLE: Upstream unavailable: GET http://127.0.0.1:1/m?token=*** "), lines.get(0));
        assertNoSecrets();
    }

    @Test
    void aCallerMistakeIsLoggedOnceNamingThePath() {
        TestSource source = new TestSource(config, null);
        assertThrows(IllegalArgumentException.class, () -> source.doGet("movies/{id}", 7).param("key", "s3cret").as(String.class));
        assertEquals(List.of("TestSource GET movies/{id} failed before sending: java.lang.IllegalArgumentException (no"
                + " data-source code): Cannot resolve relative path 'movies/{id}': no baseURL is set for the data source 'TestSource'"
                + " (set restdatasource.TestSource.url in the application's configuration, or call setBaseURL in its constructor)"),
                log.messages(Level.FINE));
    }

    @Test
    void theFailureLoggedIsTheOneDidEncounterErrorPutsInItsPlace() {
        upstream.on("/e", r -> Reply.status(503));
        TestSource source = new ReplacingSource(config, upstream.url());
        assertThrows(IllegalStateException.class, () -> source.doGet("e").param("q", "s3cret").as(String.class));
        List<String> lines = log.messages(Level.FINE);
        assertEquals(List.of("ReplacingSource GET " + upstream.url() + "e?q=*** failed: java.lang.IllegalStateException (no"
                + " data-source code): replaced for " + upstream.url() + "e?q=***"), lines);
    }

    @Test
    void nothingIsLoggedAboveFine() {
        Logger.getLogger(FailureLog.LOGGER).setLevel(Level.INFO);
        upstream.on("/e", r -> Reply.status(500));
        TestSource source = new TestSource(config, upstream.url());
        assertThrows(DataSourceException.class, () -> source.doGet("e").as(String.class));
        assertEquals(List.of(), log.records());
    }

    /** Replaces every failure with its own exception. */
    static final class ReplacingSource extends TestSource {
        ReplacingSource(DataSourceConfig config, String baseURL) {
            super(config, baseURL);
        }

        @Override
        protected void didEncounterError(RuntimeException error, DataSourceRequest request, URI url) {
            throw new IllegalStateException("replaced for " + url);
        }
    }

    private void assertNoSecrets() {
        for (LogRecord record : log.records()) {
            assertFalse(record.getMessage().matches("(?s).*(" + SECRETS + ").*"), record.getMessage());
            assertEquals(null, record.getThrown(), "no stack trace, whose messages could hold secrets");
        }
    }
}

package dev.restdatasource.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployment's INFO line: what runs, nothing secret. */
class StartupSummaryTest {
    @Test
    void aBackendStoreIsNamedWithItsSettingsAndSecretsMasked() {
        String line = StartupSummary.line(DataSourceSettings.defaults(),
                List.of(new BaseUrlCheck.Bean("com.example.BooksAPI", "BooksAPI", true)),
                Map.of("profiles", "com.example.ProfilesClient"), "dev.restdatasource.redis.cdi.RedisCacheProducer",
                Map.of("restdatasource.redis.uri", "rediss://admin:pa55@cache.example.com:6380",
                        "restdatasource.redis.password", "pa55",
                        "restdatasource.redis.tls.truststore-password", "changeit",
                        "restdatasource.redis.command-timeout", "2s"));
        assertEquals("restdatasource: 2 data sources: BooksAPI (RESTDataSource com.example.BooksAPI, base URL in code),"
                + " profiles (@DataSource Rest Client com.example.ProfilesClient); store: the KeyValueCache bean of"
                + " dev.restdatasource.redis.cdi.RedisCacheProducer (restdatasource.redis.command-timeout=2s,"
                + " restdatasource.redis.password=***, restdatasource.redis.tls.truststore-password=***,"
                + " restdatasource.redis.uri=rediss://cache.example.com:6380); settings: restdatasource.cache.timeout=50ms,"
                + " restdatasource.request-timeout=30s, restdatasource.max-response-bytes=8388608,"
                + " restdatasource.max-redirects=5, restdatasource.expose-upstream-details=false,"
                + " restdatasource.credential-headers=(none), restdatasource.credential-hash-secret=(random per application)",
                line);
        assertFalse(line.contains("pa55") || line.contains("changeit") || line.contains("admin"), line);
    }

    @Test
    void noDataSources() {
        assertTrue(StartupSummary.line(DataSourceSettings.defaults(), List.of(), Map.of(), null, Map.of())
                .startsWith("restdatasource: 0 data sources; store: in-memory (restdatasource.cache.max-bytes=67108864);"));
    }

    @Test
    void durationsAreWrittenAsTheSettingsAcceptThem() {
        assertEquals("50ms", StartupSummary.duration(Duration.ofMillis(50)));
        assertEquals("1500ms", StartupSummary.duration(Duration.ofMillis(1500)));
        assertEquals("30s", StartupSummary.duration(Duration.ofSeconds(30)));
        assertEquals("2m", StartupSummary.duration(Duration.ofMinutes(2)));
        assertEquals("1h", StartupSummary.duration(Duration.ofHours(1)));
        assertEquals("PT0.0005S", StartupSummary.duration(Duration.ofNanos(500_000)));
    }
}

package dev.restdatasource.internal.config;

import dev.restdatasource.backend.InvalidSettingsException;
import dev.restdatasource.backend.SettingsReader;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and validating the {@code restdatasource.*} keys, without a container. */
class DataSourceSettingsTest {
    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    @Test
    void nothingConfiguredGivesTheDefaults() {
        DataSourceSettings s = DataSourceSettings.load(config(Map.of()));
        assertEquals(67108864L, s.cacheMaxBytes());
        assertEquals(Duration.ofMillis(50), s.cacheTimeout());
        assertEquals(Duration.ofSeconds(30), s.requestTimeout());
        assertEquals(5, s.maxRedirects());
        assertEquals(8L << 20, s.maxResponseBytes());
        assertFalse(s.exposeUpstreamDetails());
        assertEquals(Map.of(), s.urls());
        assertEquals(67108864L, DataSourceSettings.defaults().cacheMaxBytes());
    }

    @Test
    void everyValueFormIsRead() {
        DataSourceSettings s = DataSourceSettings.load(config(Map.of(
                "restdatasource.cache.max-bytes", "64MiB",
                "restdatasource.cache.timeout", "500ms",
                "restdatasource.request-timeout", "2m",
                "restdatasource.max-redirects", "0",
                "restdatasource.max-response-bytes", "2MiB",
                "restdatasource.expose-upstream-details", "TRUE",
                "restdatasource.movies.url", "https://movies.example.com/v1/",
                "restdatasource.com.example.Personalization.url", "http://127.0.0.1:9080/api/")));
        assertEquals(64L << 20, s.cacheMaxBytes());
        assertEquals(Duration.ofMillis(500), s.cacheTimeout());
        assertEquals(Duration.ofMinutes(2), s.requestTimeout());
        assertEquals(0, s.maxRedirects());
        assertEquals(2L << 20, s.maxResponseBytes());
        assertTrue(s.exposeUpstreamDetails());
        assertEquals("https://movies.example.com/v1/", s.url("movies").orElseThrow());
        assertEquals("http://127.0.0.1:9080/api/", s.url("com.example.Personalization").orElseThrow());
        assertEquals("restdatasource.movies.url", DataSourceSettings.urlKey("movies"));
    }

    @Test
    void sizesAndDurationsInOtherForms() {
        assertEquals(512L << 10, DataSourceSettings.load(config(Map.of("restdatasource.cache.max-bytes", "512kib"))).cacheMaxBytes());
        assertEquals(1L << 30, DataSourceSettings.load(config(Map.of("restdatasource.cache.max-bytes", "1GiB"))).cacheMaxBytes());
        assertEquals(Duration.ofSeconds(90), SettingsReader.parseDuration("PT1M30S"));
        assertEquals(Duration.ofHours(1), SettingsReader.parseDuration("1h"));
        assertEquals(null, SettingsReader.parseDuration("30"));
        assertEquals(null, SettingsReader.parseDuration("30 seconds"));
    }

    @Test
    void everyProblemIsReportedAtOnceEachNamingItsKey() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> DataSourceSettings.load(config(Map.of(
                        "restdatasource.request-timeout", "abc",
                        "restdatasource.cache.max-bytes", "99999999999GiB",
                        "restdatasource.max-redirects", "two",
                        "restdatasource.cache.timeout", "0s",
                        "restdatasource.MoviesAPI.url", "ftp://movies.example.com/",
                        "restdatasource.MoviesAPI.ulr", "https://movies.example.com/"))));
        assertEquals(List.of(
                "restdatasource.cache.max-bytes: '99999999999GiB' is not a size in bytes > 0 (use 67108864, 512KiB, 64MiB or 1GiB)",
                "restdatasource.cache.timeout: '0s' must be a positive duration",
                "restdatasource.request-timeout: 'abc' is not a duration (use 500ms, 30s, 2m or an ISO-8601 duration)",
                "restdatasource.max-redirects: 'two' must be a whole number >= 0",
                "restdatasource.MoviesAPI.ulr: unknown key; the known keys are restdatasource.cache.max-bytes,"
                        + " restdatasource.cache.timeout, restdatasource.request-timeout, restdatasource.max-response-bytes,"
                        + " restdatasource.max-redirects,"
                        + " restdatasource.expose-upstream-details, restdatasource.credential-headers,"
                        + " restdatasource.credential-hash-secret, restdatasource.health.store-outage-fails-readiness,"
                        + " restdatasource.<name>.url, restdatasource.<name>.credential-headers",
                "restdatasource.MoviesAPI.url: 'ftp://movies.example.com/' is not an absolute http or https URL"
                        + " (e.g. https://api.example.com/v1/)"), e.problems());
        assertTrue(e.getMessage().startsWith("restdatasource.cache.max-bytes: "));
    }

    @Test
    void theCacheBackendsKeysAreLeftToTheirModules() {
        DataSourceSettings s = DataSourceSettings.load(config(Map.of(
                "restdatasource.hazelcast.mode", "embedded",
                "restdatasource.hazelcast.members", "127.0.0.1:5801,127.0.0.1:5802",
                "restdatasource.infinispan.mode", "embedded",
                "restdatasource.infinispan.initial-hosts", "127.0.0.1[7900],127.0.0.1[7901]",
                "restdatasource.memcached.servers", "127.0.0.1:11211,127.0.0.1:11212",
                "restdatasource.movies.url", "http://127.0.0.1:9380/example/upstream/")));
        assertEquals(Map.of("movies", "http://127.0.0.1:9380/example/upstream/"), s.urls());
        assertThrows(InvalidSettingsException.class,
                () -> DataSourceSettings.load(config(Map.of("restdatasource.hazelcastmode", "embedded"))));
    }

    @Test
    void storeOutageFailsReadinessOnlyWhenSetAndMustBeABoolean() {
        assertFalse(DataSourceSettings.defaults().storeOutageFailsReadiness());
        assertTrue(DataSourceSettings.load(config(Map.of("restdatasource.health.store-outage-fails-readiness", "true")))
                .storeOutageFailsReadiness());
        InvalidSettingsException wrong = assertThrows(InvalidSettingsException.class, () -> DataSourceSettings.load(
                config(Map.of("restdatasource.health.store-outage-fails-readiness", "yes"))));
        assertTrue(wrong.getMessage().contains("restdatasource.health.store-outage-fails-readiness"), wrong.getMessage());
        assertThrows(InvalidSettingsException.class, () -> DataSourceSettings.load(
                config(Map.of("restdatasource.health.store-outage-fails-readyness", "true"))));
    }

    @Test
    void credentialHeadersAreGlobalPlusThoseOfTheDataSource() {
        DataSourceSettings settings = DataSourceSettings.load(config(Map.of(
                "restdatasource.credential-headers", "X-Api-Key, x-auth-token",
                "restdatasource.credential-hash-secret", "s3cret",
                "restdatasource.movies.credential-headers", "X-Tenant,X-API-KEY")));
        assertEquals(List.of("x-api-key", "x-auth-token"), settings.credentialHeaders("other"));
        assertEquals(List.of("x-api-key", "x-auth-token", "x-tenant"), settings.credentialHeaders("movies"));
        assertTrue(settings.hasOwnCredentialHeaders("movies"));
        assertFalse(settings.hasOwnCredentialHeaders("other"));
        assertEquals("s3cret", settings.credentialHashSecret());
        assertEquals(List.of(), DataSourceSettings.defaults().credentialHeaders("movies"));
        assertNull(DataSourceSettings.defaults().credentialHashSecret());
    }

    @Test
    void anInvalidCredentialHeaderNameIsAProblemNamingItsKey() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> DataSourceSettings.load(config(Map.of(
                "restdatasource.movies.credential-headers", "X Api Key"))));
        assertTrue(e.getMessage().contains("restdatasource.movies.credential-headers: "), e.getMessage());
    }
}

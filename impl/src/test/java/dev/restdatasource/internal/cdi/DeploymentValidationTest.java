package dev.restdatasource.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.cache.testkit.TestContainer;
import dev.restdatasource.internal.support.LogCapture;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wrong setting, or competing stores, fail the deployment with a message naming the culprit. */
class DeploymentValidationTest {
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "restdatasource.request-timeout | abc      | is not a duration (use 500ms, 30s, 2m or an ISO-8601 duration)",
            "restdatasource.cache.timeout   | -5ms     | is not a duration",
            "restdatasource.max-redirects   | -1       | must be a whole number >= 0",
            "restdatasource.cache.max-bytes | 0        | is not a size in bytes > 0",
            "restdatasource.expose-upstream-details | yes | must be true or false",
            "restdatasource.MoviesAPI.url   | movies.example.com/api | is not an absolute http or https URL",
            "restdatasource.request-timout  | 5s       | unknown key; the known keys are restdatasource.cache.max-bytes",
    })
    void aWrongSettingFailsDeploymentNamingTheKey(String key, String value, String expected) {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> TestContainer.boot(Map.of(key, value), MoviesAPI.class).close());
        String message = messages(e);
        assertTrue(message.contains(key + ": '" + value + "' " + expected) || message.contains(key + ": " + expected),
                () -> "message should name " + key + ": " + message);
    }

    @Test
    void aDataSourceThatIsNotRequestScopedDeploysWithAWarning() {
        List<String> warnings = logged(() -> {
            try (TestContainer container = TestContainer.boot(Map.of("restdatasource.DependentAPI.url", "http://127.0.0.1:1/"),
                    DependentAPI.class)) {
                assertEquals("http://127.0.0.1:1/", container.bean(DependentAPI.class).effectiveBaseURL());
            }
        }).stream().filter(r -> r.getLevel() == java.util.logging.Level.WARNING).map(LogRecord::getMessage).toList();
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith(DependentAPI.class.getName() + " is a RESTDataSource bean with scope @Dependent;"),
                warnings.get(0));
    }

    @Test
    void twoKeyValueCacheBeansFailDeployment() {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> TestContainer.boot(Map.of(), MoviesAPI.class, RecordingCache.class, OtherCache.class).close());
        String message = messages(e);
        assertTrue(message.contains("Several KeyValueCache beans") && message.contains(OtherCache.class.getName()), message);
    }

    @Test
    void aDataSourceBeanWithoutBaseUrlFailsDeploymentNamingTheClassTheNameAndTheKey() {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> TestContainer.boot(Map.of(), BaseUrlBeans.NoUrlAPI.class, MoviesAPI.class).close());
        String message = messages(e);
        assertTrue(message.contains("No base URL for the RESTDataSource bean " + BaseUrlBeans.NoUrlAPI.class.getName()
                + " (data source 'NoUrlAPI'): set restdatasource.NoUrlAPI.url"), message);
        assertFalse(message.contains(MoviesAPI.class.getName()), "MoviesAPI sets its base URL in code: " + message);
    }

    @Test
    void aMisspeltUrlKeyFailsDeploymentNamingBothKeys() {
        DeploymentException e = assertThrows(DeploymentException.class, () -> TestContainer.boot(
                Map.of("restdatasource.Movies.url", "http://127.0.0.1:1/"), BaseUrlBeans.LiteralNameAPI.class).close());
        String message = messages(e);
        assertTrue(message.contains("(data source 'movies'): set restdatasource.movies.url")
                && message.contains("restdatasource.Movies.url is set but names no data source: rename it"
                        + " restdatasource.movies.url"), message);
    }

    @Test
    void aBaseUrlInCodeOrConfiguredDeploysAndAComputedNameIsNotChecked() {
        try (TestContainer container = TestContainer.boot(Map.of("restdatasource.NoUrlAPI.url", "http://127.0.0.1:1/"),
                BaseUrlBeans.NoUrlAPI.class, BaseUrlBeans.ConstructorUrlAPI.class, BaseUrlBeans.PostConstructUrlAPI.class,
                BaseUrlBeans.OwnResolutionAPI.class, BaseUrlBeans.InheritedUrlAPI.class, BaseUrlBeans.ComputedNameAPI.class)) {
            assertNotNull(container.bean(DataSourceConfig.class));
        }
    }

    @Test
    void aUrlKeyNamingNoDataSourceDeploysWithAWarningSuggestingTheClosestName() {
        List<LogRecord> records = logged(() -> TestContainer.boot(Map.of("restdatasource.MoviesAPI.url", "http://127.0.0.1:1/",
                "restdatasource.moviesapi.url", "http://127.0.0.1:2/"), MoviesAPI.class).close());
        List<String> warnings = records.stream().filter(r -> r.getLevel() == java.util.logging.Level.WARNING)
                .map(LogRecord::getMessage).toList();
        assertEquals(List.of("restdatasource.moviesapi.url names no data source of this application, so it is not used"
                + " (names are case-sensitive); did you mean restdatasource.MoviesAPI.url? Its data sources are: MoviesAPI."),
                warnings);
    }

    @Test
    void aValidDeploymentLogsOneInfoLineWithTheDataSourcesTheStoreAndTheSettingsWithoutSecrets() {
        List<LogRecord> records = logged(() -> TestContainer.boot(Map.of(
                "restdatasource.MoviesAPI.url", "https://user:pa55word@api.example.com/v1/?api_key=k3y",
                "restdatasource.credential-hash-secret", "s3cret-value",
                "restdatasource.request-timeout", "5s"), MoviesAPI.class, BaseUrlBeans.ComputedNameAPI.class).close());
        List<String> info = records.stream().filter(r -> r.getLevel() == java.util.logging.Level.INFO)
                .map(LogRecord::getMessage).toList();
        assertEquals(1, info.size(), info::toString);
        assertEquals("restdatasource: 2 data sources: MoviesAPI (RESTDataSource " + MoviesAPI.class.getName()
                + ", restdatasource.MoviesAPI.url=https://api.example.com/v1/?api_key=***), "
                + BaseUrlBeans.ComputedNameAPI.class.getName() + " (RESTDataSource; name() computed at run time); store: in-memory"
                + " (restdatasource.cache.max-bytes=67108864); settings: restdatasource.cache.timeout=50ms,"
                + " restdatasource.request-timeout=5s, restdatasource.max-response-bytes=8388608,"
                + " restdatasource.max-redirects=5, restdatasource.expose-upstream-details=false,"
                + " restdatasource.credential-headers=(none), restdatasource.credential-hash-secret=(set)", info.get(0));
    }

    /** Runs {@code work} and returns what the extension logged meanwhile. */
    private static List<LogRecord> logged(Runnable work) {
        return LogCapture.during(RestDataSourceExtension.class.getName(), work);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}

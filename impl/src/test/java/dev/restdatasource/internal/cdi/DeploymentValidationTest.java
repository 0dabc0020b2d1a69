package dev.restdatasource.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.cache.testkit.TestContainer;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
        Logger logger = Logger.getLogger(RestDataSourceExtension.class.getName());
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == java.util.logging.Level.WARNING) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try (TestContainer container = TestContainer.boot(Map.of("restdatasource.DependentAPI.url", "http://127.0.0.1:1/"),
                DependentAPI.class)) {
            assertEquals("http://127.0.0.1:1/", container.bean(DependentAPI.class).effectiveBaseURL());
        } finally {
            logger.removeHandler(handler);
        }
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

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}

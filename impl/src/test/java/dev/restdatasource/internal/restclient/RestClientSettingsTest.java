package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSource;
import dev.restdatasource.backend.SettingsReader;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.Test;

/**
 * A {@code @DataSource} Rest Client's settings are read through the shared settings reader: every wrong value of
 * every client is reported at once, each naming its full key, in one deployment failure.
 */
class RestClientSettingsTest {
    /** A client with a configKey. */
    @RegisterRestClient(configKey = "first")
    @Path("/")
    public interface FirstClient {
        @GET
        String get();
    }

    /** Another client with a configKey. */
    @RegisterRestClient(configKey = "second")
    @Path("/")
    public interface SecondClient {
        @GET
        String get();
    }

    /** A client without configKey, with a base URI in its annotation. */
    @RegisterRestClient(baseUri = "http://annotated.example/api")
    @Path("/")
    public interface AnnotatedClient {
        @GET
        String get();
    }

    /** Injects the first client. */
    @Dependent
    public static class UsesFirst {
        @Inject
        @DataSource
        FirstClient client;
    }

    /** Injects both clients with a configKey. */
    @Dependent
    public static class UsesBoth {
        @Inject
        @DataSource
        FirstClient first;

        @Inject
        @DataSource
        SecondClient second;
    }

    private static SettingsReader reader(Map<String, String> values) {
        return new SettingsReader(new SmallRyeConfigBuilder()
                .withSources(new RestClientFixtures.MapConfigSource(values)).build());
    }

    @Test
    void keysUnderTheInterfaceNameWinOverTheConfigKeyAndTheDataSourceUrlOverBoth() {
        String fqcn = FirstClient.class.getName();
        SettingsReader reader = reader(Map.of("restdatasource.first.url", "https://wins.example",
                fqcn + "/mp-rest/url", "https://loses.example", fqcn + "/mp-rest/readTimeout", "1500",
                "first/mp-rest/readTimeout", "9", "first/mp-rest/connectTimeout", "0",
                "first/mp-rest/followRedirects", "true", "first/mp-rest/providers", "a.P, b.Q",
                "first/mp-rest/providers/a.P/priority", "7", "first/mp-rest/proxyAddress", "[::1]:3128"));
        RestClientSettings settings = RestClientSettings.read(FirstClient.class, reader);
        assertEquals(List.of(), reader.problems());
        assertEquals("first", settings.name());
        assertEquals(URI.create("https://wins.example"), settings.baseUri());
        assertEquals(Duration.ofMillis(1500), settings.readTimeout());
        assertNull(settings.connectTimeout()); // 0: none
        assertEquals(Boolean.TRUE, settings.followRedirects());
        Map<String, Integer> providers = new LinkedHashMap<>();
        providers.put("a.P", 7);
        providers.put("b.Q", null);
        assertEquals(providers, settings.providers());
        assertEquals(new SettingsReader.Found<>("first/mp-rest/proxyAddress", "[::1]:3128"),
                settings.connection().proxyAddress());
        assertNull(settings.connection().trustStore());
    }

    @Test
    void theAnnotationsBaseUriIsTheLastResort() {
        SettingsReader reader = reader(Map.of());
        RestClientSettings settings = RestClientSettings.read(AnnotatedClient.class, reader);
        assertEquals(List.of(), reader.problems());
        assertEquals(AnnotatedClient.class.getName(), settings.name());
        assertEquals(URI.create("http://annotated.example/api"), settings.baseUri());
        assertNull(settings.connection());
    }

    @Test
    void everyWrongValueOfOneClientIsRecordedWithItsFullKey() {
        SettingsReader reader = reader(Map.of("first/mp-rest/url", "ftp://files.example",
                "first/mp-rest/connectTimeout", "soon", "first/mp-rest/readTimeout", "-5",
                "first/mp-rest/providers", "a.P", "first/mp-rest/providers/a.P/priority", "high",
                "first/mp-rest/hostnameVerifier", "com.example.AllowAll", "first/mp-rest/proxyAddress", "proxy"));
        RestClientSettings.read(FirstClient.class, reader);
        List<String> problems = reader.problems();
        assertEquals(6, problems.size(), problems::toString);
        assertEquals("first/mp-rest/url: invalid URL 'ftp://files.example', expected an absolute http(s) URL",
                problems.get(0));
        assertTrue(problems.get(1).startsWith("first/mp-rest/connectTimeout: cannot be read as Long"), problems::toString);
        assertEquals("first/mp-rest/readTimeout: -5 is negative, expected milliseconds >= 0", problems.get(2));
        assertTrue(problems.get(3).startsWith("first/mp-rest/providers/a.P/priority: cannot be read as Integer"),
                problems::toString);
        assertTrue(problems.get(4).startsWith("first/mp-rest/hostnameVerifier (com.example.AllowAll) is not supported"),
                problems::toString);
        assertEquals("first/mp-rest/proxyAddress: 'proxy' is not host:port", problems.get(5));
    }

    @Test
    void twoWrongKeysOfOneClientFailTheDeploymentTogether() {
        String message = deploymentError(Map.of("first/mp-rest/url", "https://127.0.0.1:1",
                "first/mp-rest/readTimeout", "later", "first/mp-rest/proxyAddress", "proxy.example.com"),
                UsesFirst.class);
        assertTrue(message.contains("first/mp-rest/readTimeout: cannot be read as Long")
                && message.contains("first/mp-rest/proxyAddress: 'proxy.example.com' is not host:port"), message);
    }

    @Test
    void aWrongValueAndAStoreThatCannotBeLoadedFailTheDeploymentTogether() {
        String message = deploymentError(Map.of("first/mp-rest/url", "https://127.0.0.1:1",
                "first/mp-rest/connectTimeout", "1.5",
                "first/mp-rest/trustStore", "classpath:/no/such/store.p12"), UsesFirst.class);
        assertTrue(message.contains("first/mp-rest/connectTimeout: cannot be read as Long")
                && message.contains("first/mp-rest/trustStore: cannot load the store 'classpath:/no/such/store.p12'")
                && message.contains("no such classpath resource"), message);
    }

    @Test
    void wrongValuesOfTwoClientsFailTheDeploymentTogether() {
        String message = deploymentError(Map.of("first/mp-rest/url", "not a url",
                "second/mp-rest/url", "https://127.0.0.1:1", "second/mp-rest/connectTimeout", "-1"), UsesBoth.class);
        assertTrue(message.contains("first/mp-rest/url: invalid URL 'not a url'")
                && message.contains("second/mp-rest/connectTimeout: -1 is negative"), message);
    }

    private static String deploymentError(Map<String, String> config, Class<?> bean) {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> RestClientDeployment.start(config, List.of(bean)).close());
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}

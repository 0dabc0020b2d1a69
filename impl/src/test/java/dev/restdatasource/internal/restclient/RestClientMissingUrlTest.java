package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.Test;

/** A data-source Rest Client without a URL fails deployment, naming every key that could set it. */
class RestClientMissingUrlTest {
    /** A client nobody configured. */
    @RegisterRestClient(configKey = "nourl")
    @Path("/")
    public interface NoUrlClient {
        @GET
        String get();
    }

    /** Injects it. */
    @ApplicationScoped
    public static class Needs {
        @Inject
        @DataSource
        NoUrlClient client;
    }

    @Test
    void missingUrlFailsDeploymentNamingTheKeys() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> RestClientDeployment.start(Map.of(), List.of(Needs.class)).close());
        String message = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
        for (String key : List.of("restdatasource.nourl.url", "nourl/mp-rest/url", "nourl/mp-rest/uri",
                NoUrlClient.class.getName() + "/mp-rest/url")) {
            assertTrue(message.contains(key), () -> key + " missing from: " + message);
        }
    }

    @Test
    void invalidUrlFailsDeploymentNamingTheKey() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> RestClientDeployment.start(Map.of("nourl/mp-rest/url", "not a url"), List.of(Needs.class)).close());
        String message = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
        assertTrue(message.contains("not a url") && message.contains("nourl/mp-rest/url"), message);
    }
}

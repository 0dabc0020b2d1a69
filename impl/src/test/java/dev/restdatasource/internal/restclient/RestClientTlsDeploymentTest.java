package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and proxy settings of a {@code @DataSource} Rest Client that cannot be used fail the deployment, naming the
 * key.
 */
class RestClientTlsDeploymentTest {
    /** The client under test. */
    @RegisterRestClient(configKey = "secure")
    @Path("/")
    public interface SecureClient {
        @GET
        String get();
    }

    /** Injects it. */
    @Dependent
    public static class User {
        @Inject
        @DataSource
        SecureClient client;
    }

    @TempDir
    java.nio.file.Path dir;

    @Test
    void aTrustStoreFileThatCannotBeLoadedIsNamed() {
        String missing = dir.resolve("missing.p12").toUri().toString();
        String message = deploymentError("trustStore", missing);
        assertTrue(message.contains("secure/mp-rest/trustStore") && message.contains(missing), message);
    }

    @Test
    void aMissingClasspathTrustStoreIsNamed() {
        String message = deploymentError("trustStore", "classpath:/no/such/store.p12");
        assertTrue(message.contains("secure/mp-rest/trustStore") && message.contains("no such classpath resource"),
                message);
    }

    @Test
    void aKeyStoreThatIsNotAStoreIsNamed() throws Exception {
        java.nio.file.Path junk = java.nio.file.Files.writeString(dir.resolve("junk.jks"), "not a key store");
        String message = deploymentError("keyStore", "file:" + junk);
        assertTrue(message.contains("secure/mp-rest/keyStore"), message);
    }

    @Test
    void aHostnameVerifierIsRefused() {
        String message = deploymentError("hostnameVerifier", "com.example.AllowAll");
        assertTrue(message.contains("secure/mp-rest/hostnameVerifier") && message.contains("not supported"), message);
    }

    @Test
    void aProxyAddressWithoutPortIsNamed() {
        String message = deploymentError("proxyAddress", "proxy.example.com");
        assertTrue(message.contains("secure/mp-rest/proxyAddress") && message.contains("host:port"), message);
    }

    private static String deploymentError(String key, String value) {
        DefinitionException e = assertThrows(DefinitionException.class, () -> RestClientDeployment.start(
                Map.of("secure/mp-rest/url", "https://127.0.0.1:1", "secure/mp-rest/" + key, value),
                List.of(User.class)).close());
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}

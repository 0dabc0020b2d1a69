package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.restdatasource.DataSource;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.ErrorCode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mp-rest} TLS and proxy keys of a {@code @DataSource} Rest Client make its pipeline transport: an
 * HTTPS upstream with a self-signed certificate is reached with {@code trustStore} (and not without it), a
 * {@code proxyAddress} receives the calls. Invalid settings: {@link RestClientTlsDeploymentTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestClientTlsTest {
    /** Trusts the upstream's certificate. */
    @RegisterRestClient(configKey = "trusting")
    @Path("/")
    public interface TrustingClient {
        @GET
        @Path("movies/{id}")
        String movie(@PathParam("id") String id);
    }

    /** No trust store: the JDK's default trust, which does not know the self-signed certificate. */
    @RegisterRestClient(configKey = "untrusting")
    @Path("/")
    public interface UntrustingClient {
        @GET
        @Path("movies/{id}")
        String movie(@PathParam("id") String id);
    }

    /** Calls through the test proxy. */
    @RegisterRestClient(configKey = "proxied")
    @Path("/")
    public interface ProxiedClient {
        @GET
        @Path("movies/{id}")
        String movie(@PathParam("id") String id);
    }

    /** Injects the clients as an application bean would. */
    @Dependent
    public static class Clients {
        @Inject
        @DataSource
        TrustingClient trusting;

        @Inject
        @DataSource
        UntrustingClient untrusting;

        @Inject
        @DataSource
        ProxiedClient proxied;
    }

    private static final String PASSWORD = "changeit";

    @TempDir
    static java.nio.file.Path dir;

    private HttpsServer upstream;
    private HttpServer proxy;
    private final List<String> upstreamPaths = new CopyOnWriteArrayList<>();
    private final List<URI> proxied = new CopyOnWriteArrayList<>();
    private RestClientDeployment deployment;
    private Clients clients;

    @BeforeAll
    void start() throws Exception {
        keytool("-genkeypair", "-alias", "upstream", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-keystore", "server.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "upstream", "-keystore", "server.p12", "-storepass", PASSWORD,
                "-file", "upstream.cer");
        keytool("-importcert", "-noprompt", "-alias", "upstream", "-file", "upstream.cer",
                "-keystore", "trust.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);

        upstream = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        upstream.createContext("/", exchange -> {
            upstreamPaths.add(exchange.getRequestURI().getPath());
            reply(exchange, "{\"via\":\"tls\"}");
        });
        upstream.start();
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            proxied.add(exchange.getRequestURI()); // absolute-URI form: the client talks to a proxy
            reply(exchange, "{\"via\":\"proxy\"}");
        });
        proxy.start();

        String https = "https://127.0.0.1:" + upstream.getAddress().getPort();
        Map<String, String> properties = new HashMap<>(Map.of(
                "trusting/mp-rest/url", https,
                "trusting/mp-rest/trustStore", dir.resolve("trust.p12").toUri().toString(),
                "trusting/mp-rest/trustStorePassword", PASSWORD,
                "trusting/mp-rest/trustStoreType", "PKCS12",
                "untrusting/mp-rest/url", https,
                "proxied/mp-rest/url", "http://upstream.invalid:8080",
                "proxied/mp-rest/proxyAddress", "127.0.0.1:" + proxy.getAddress().getPort()));
        deployment = RestClientDeployment.start(properties, List.of(Clients.class));
        clients = deployment.container().select(Clients.class).get();
    }

    @AfterAll
    void stop() {
        if (deployment != null) {
            deployment.close();
        }
        upstream.stop(0);
        proxy.stop(0);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(
                List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), () -> "keytool " + String.join(" ", args) + ": " + output);
    }

    private static SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "max-age=60");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private <T> T inRequest(Supplier<T> work) {
        return deployment.inRequest(work);
    }

    @Test
    void theTrustStoreReachesTheHttpsUpstreamAndTheAnswerIsCached() {
        assertEquals("{\"via\":\"tls\"}", inRequest(() -> clients.trusting.movie("1")));
        long calls = upstreamPaths.stream().filter("/movies/1"::equals).count();
        assertEquals(1, calls);
        assertEquals("{\"via\":\"tls\"}", inRequest(() -> clients.trusting.movie("1")));
        assertEquals(calls, upstreamPaths.stream().filter("/movies/1"::equals).count()); // a cache hit
    }

    @Test
    void withoutTheTrustStoreTheHandshakeFailsAsUpstreamUnavailable() {
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> inRequest(() -> clients.untrusting.movie("2")));
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
        Throwable cause = e;
        while (cause != null && !(cause instanceof javax.net.ssl.SSLException)) {
            cause = cause.getCause();
        }
        assertTrue(cause != null, () -> "expected an SSL failure as the cause: " + e);
        assertTrue(upstreamPaths.stream().noneMatch("/movies/2"::equals));
    }

    @Test
    void theProxyAddressReceivesTheCalls() {
        assertEquals("{\"via\":\"proxy\"}", inRequest(() -> clients.proxied.movie("3")));
        assertEquals(List.of(URI.create("http://upstream.invalid:8080/movies/3")), proxied);
    }
}

package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restdatasource.DataSource;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.internal.cdi.DataSourceConfigProducer;
import dev.restdatasource.internal.cdi.MoviesAPI;
import dev.restdatasource.internal.cdi.RestDataSourceExtension;
import dev.restdatasource.internal.http.JdkHttpTransport;
import dev.restdatasource.internal.support.Upstream.Reply;
import dev.restdatasource.internal.support.Upstream;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each {@code @DataSource} Rest Client runs the pipeline with its own configuration, derived once from the
 * application's: {@code mp-rest/connectTimeout} makes its transport, {@code readTimeout} its request timeout,
 * redirects are followed only with {@code followRedirects=true}, and the cache store stays the application's.
 * Deployed with both extensions and the library's own {@link DataSourceConfigProducer}, as an application is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestClientConfigTest {
    /** Connect and read timeouts configured. */
    @RegisterRestClient(configKey = "timed")
    @Path("/")
    public interface TimedClient {
        @GET
        @Path("movies/{id}")
        String movie(@PathParam("id") String id);
    }

    /** No redirect setting: MP Rest Client's default, not following. */
    @RegisterRestClient(configKey = "staying")
    @Path("/")
    public interface StayingClient {
        @GET
        @Path("hop")
        Response hop();

        @GET
        @Path("hop")
        String hopText();
    }

    /** {@code followRedirects=true}. */
    @RegisterRestClient(configKey = "following")
    @Path("/")
    public interface FollowingClient {
        @GET
        @Path("hop")
        Response hop();

        @GET
        @Path("hop")
        String hopText();
    }

    /** Injects the clients as an application bean would. */
    @Dependent
    public static class Clients {
        @Inject
        @DataSource
        TimedClient timed;

        @Inject
        @DataSource
        StayingClient staying;

        @Inject
        @DataSource
        FollowingClient following;
    }

    private final Upstream upstream = new Upstream();
    private RestClientDeployment deployment;
    private Clients clients;

    @BeforeAll
    void start() {
        upstream.on("/hop", r -> Reply.status(302).header("Location", "/target").body(""))
                .on("/target", r -> Reply.status(200).header("Content-Type", "text/plain").body("arrived"))
                .on("/movies/shared", r -> Reply.json("{\"id\":\"shared\"}").header("Cache-Control", "max-age=60"));
        deployment = RestClientDeployment.start(Map.of(
                "timed/mp-rest/url", upstream.url(),
                "timed/mp-rest/connectTimeout", "300",
                "timed/mp-rest/readTimeout", "1500",
                "staying/mp-rest/url", upstream.url(),
                "following/mp-rest/url", upstream.url(),
                "following/mp-rest/followRedirects", "true",
                "restdatasource.MoviesAPI.url", upstream.url()),
                List.of(Clients.class, MoviesAPI.class), new RestDataSourceExtension());
        clients = deployment.container().select(Clients.class).get();
    }

    @AfterAll
    void stop() {
        deployment.close();
        upstream.close();
    }

    private <T> T inRequest(Supplier<T> work) {
        return deployment.inRequest(work);
    }

    /** The lookup behind an injected {@code @DataSource} client (behind Weld's client proxy and ours). */
    private static DataSourceLocator lookupOf(Object injected) {
        Object instance = ((WeldClientProxy) injected).getMetadata().getContextualInstance();
        return ((ClientInvocationHandler) Proxy.getInvocationHandler(instance)).locator();
    }

    private DataSourceConfig appConfig() {
        return deployment.container().select(DataSourceConfig.class).get();
    }

    @Test
    void connectAndReadTimeoutsMakeTheClientsTransportAndRequestTimeout() {
        inRequest(() -> clients.timed.movie("shared"));
        DataSourceConfig config = lookupOf(clients.timed).config();
        JdkHttpTransport transport = assertInstanceOf(JdkHttpTransport.class, config.transport());
        assertEquals(Optional.of(Duration.ofMillis(300)), transport.connectTimeout());
        assertEquals(Duration.ofMillis(1500), config.requestTimeout());
        assertSame(appConfig().cache(), config.cache());
        assertSame(appConfig().requestFilters(), config.requestFilters());
        // built once: later calls, in other requests, keep the same configuration and transport
        inRequest(() -> clients.timed.movie("shared"));
        assertSame(config, lookupOf(clients.timed).config());
        assertSame(transport, lookupOf(clients.timed).config().transport());
    }

    @Test
    void withoutConnectTimeoutTheApplicationsTransportAndTimeoutAreKept() {
        DataSourceConfig config = lookupOf(clients.following).config();
        assertNotSame(appConfig(), config);
        assertNull(config.transport()); // the application's: the process-wide default
        assertEquals(appConfig().requestTimeout(), config.requestTimeout());
        assertEquals(appConfig().maxRedirects(), config.maxRedirects());
        assertEquals(0, lookupOf(clients.staying).config().maxRedirects());
    }

    @Test
    void redirectIsReturnedAsItIsByDefault() {
        int before = upstream.count("/target");
        try (Response response = inRequest(() -> clients.staying.hop())) {
            assertEquals(302, response.getStatus());
            assertEquals("/target", response.getHeaderString("Location"));
        }
        // for a non-Response return type the client runtime itself (RESTEasy, as JAX-RS says) throws on a 3xx, as a
        // plain @RestClient does: not a DataSourceException (our mapper handles 4xx/5xx only)
        RedirectionException e = assertThrows(RedirectionException.class, () -> inRequest(() -> clients.staying.hopText()));
        assertEquals(302, e.getResponse().getStatus());
        assertEquals(URI.create("/target"), e.getLocation());
        assertEquals(before, upstream.count("/target"));
    }

    @Test
    void redirectIsFollowedWithFollowRedirects() {
        try (Response response = inRequest(() -> clients.following.hop())) {
            assertEquals(200, response.getStatus());
            assertEquals("arrived", response.readEntity(String.class));
        }
        assertEquals("arrived", inRequest(() -> clients.following.hopText()));
    }

    @Test
    void anEntryCachedThroughAClientsOwnConfigIsServedToARestDataSourceBean() {
        assertEquals("{\"id\":\"shared\"}", inRequest(() -> clients.timed.movie("shared")));
        int upstreamCalls = upstream.count("/movies/shared");
        String viaBean = inRequest(() -> deployment.container().select(MoviesAPI.class).get().movie("shared"));
        assertEquals("{\"id\":\"shared\"}", viaBean);
        assertEquals(upstreamCalls, upstream.count("/movies/shared"));
    }
}

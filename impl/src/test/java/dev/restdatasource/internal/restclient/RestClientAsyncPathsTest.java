package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSource;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.internal.restclient.RestClientFixtures.Movie;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptor;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptorFactory;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The two paths of a {@code @DataSource} Rest Client's asynchronous methods, in Weld SE with RESTEasy: an interface
 * with a synchronous twin is answered on the client's synchronous path (the invoked method the client's filters see
 * is the twin's), one registering an {@code AsyncInvocationInterceptorFactory} keeps the runtime's asynchronous path
 * with its interceptors; both give the same answers, failures and stages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestClientAsyncPathsTest {
    private final Upstream upstream = new Upstream();
    private RestClientDeployment deployment;
    private Clients clients;

    /** Records the method the client says it invokes (a MicroProfile Rest Client request property). */
    public static class InvokedMethod implements ClientRequestFilter {
        static volatile Method last;

        @Override
        public void filter(ClientRequestContext request) {
            last = (Method) request.getProperty("org.eclipse.microprofile.rest.client.invokedMethod");
        }
    }

    /** A user's interceptor factory, counting the interceptors whose context was applied. */
    public static class CountingInterceptors implements AsyncInvocationInterceptorFactory {
        static final AtomicInteger APPLIED = new AtomicInteger();

        @Override
        public AsyncInvocationInterceptor newInterceptor() {
            return new AsyncInvocationInterceptor() {
                @Override
                public void prepareContext() {
                }

                @Override
                public void applyContext() {
                    APPLIED.incrementAndGet();
                }

                @Override
                public void removeContext() {
                }
            };
        }
    }

    /** A client with a twin. */
    @RegisterRestClient(configKey = "twinned")
    @RegisterProvider(InvokedMethod.class)
    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    public interface TwinnedClient {
        @GET
        @Path("movies/{id}")
        CompletionStage<Movie> movie(@PathParam("id") String id);

        @GET
        @Path("movies/{id}")
        CompletableFuture<Movie> movieFuture(@PathParam("id") String id);

        @GET
        @Path("empty")
        CompletionStage<Void> empty();

        @GET
        @Path("status/{code}")
        CompletionStage<String> status(@PathParam("code") int code);
    }

    /** A client without a twin: it registers an asynchronous interceptor. */
    @RegisterRestClient(configKey = "intercepted")
    @RegisterProvider(InvokedMethod.class)
    @RegisterProvider(CountingInterceptors.class)
    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    public interface InterceptedClient {
        @GET
        @Path("movies/{id}")
        CompletionStage<Movie> movie(@PathParam("id") String id);

        @GET
        @Path("status/{code}")
        CompletionStage<String> status(@PathParam("code") int code);
    }

    /** Injects both. */
    @Dependent
    public static class Clients {
        @Inject
        @DataSource
        TwinnedClient twinned;

        @Inject
        @DataSource
        InterceptedClient intercepted;
    }

    @BeforeAll
    void start() {
        upstream.on("/movies/1", r -> Reply.json("{\"id\":\"1\",\"title\":\"Alien\"}"))
                .on("/empty", r -> Reply.status(204))
                .on("/status/404", r -> Reply.status(404).header("Content-Type", "text/plain").body("nope"));
        deployment = RestClientDeployment.start(Map.of("twinned/mp-rest/url", upstream.url(),
                "intercepted/mp-rest/url", upstream.url()), List.of(Clients.class));
        clients = deployment.container().select(Clients.class).get();
    }

    @AfterAll
    void stop() {
        deployment.close();
        upstream.close();
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void anInterfaceWithATwinIsAnsweredOnTheClientsSynchronousPath() throws Exception {
        CompletionStage<Movie> stage = deployment.inRequest(() -> clients.twinned.movie("1"));
        assertInstanceOf(CallerRunsFuture.class, stage);
        assertEquals("Alien", await(stage).title);
        assertEquals(TwinnedClient.class.getName() + SynchronousTwin.SUFFIX, InvokedMethod.last.getDeclaringClass().getName());
        assertEquals(Movie.class, InvokedMethod.last.getReturnType());

        assertEquals("Alien", await(deployment.inRequest(() -> clients.twinned.movieFuture("1"))).title);
        assertNull(await(deployment.inRequest(() -> clients.twinned.empty())));
        assertEquals(1, upstream.count("/empty"));
    }

    @Test
    void anInterfaceWithAnAsyncInterceptorKeepsTheRuntimesPath() throws Exception {
        int applied = CountingInterceptors.APPLIED.get();
        assertEquals("Alien", await(deployment.inRequest(() -> clients.intercepted.movie("1"))).title);
        assertSame(InterceptedClient.class, InvokedMethod.last.getDeclaringClass());
        assertTrue(CountingInterceptors.APPLIED.get() > applied, "the user's interceptor ran");
    }

    @Test
    void bothPathsFailTheStageAlike() {
        ExecutionException twinned = assertThrows(ExecutionException.class,
                () -> await(deployment.inRequest(() -> clients.twinned.status(404))));
        ExecutionException intercepted = assertThrows(ExecutionException.class,
                () -> await(deployment.inRequest(() -> clients.intercepted.status(404))));
        assertEquals(ErrorCode.NOT_FOUND, assertInstanceOf(DataSourceException.class, twinned.getCause()).code());
        assertEquals(intercepted.getCause().getClass(), twinned.getCause().getClass());
        assertEquals(intercepted.getCause().getMessage(), twinned.getCause().getMessage());
    }
}

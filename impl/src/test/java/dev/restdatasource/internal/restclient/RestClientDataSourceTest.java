package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restdatasource.DataSourceContext;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.internal.restclient.RestClientFixtures.Api;
import dev.restdatasource.internal.restclient.RestClientFixtures.Movie;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Inject @DataSource} Rest Client interfaces in Weld SE with RESTEasy's MicroProfile Rest Client against a
 * real upstream: the calls share the HTTP cache, are deduplicated per request scope (async too), keep the client's
 * own providers and header factories, run the RequestFilter beans and fail with GraphQL error codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestClientDataSourceTest {
    private final Upstream upstream = new Upstream();
    private RestClientDeployment deployment;
    private Api api;

    @BeforeAll
    void start() throws IOException {
        upstream.on("/movies/1", r -> Reply.json("{\"id\":\"1\",\"title\":\"Alien\"}").header("Cache-Control", "max-age=60"))
                .on("/movies/slow", r -> Reply.json("{\"id\":\"slow\",\"title\":\"Solaris\"}").delay(300))
                .on("/movies/slow-joined", r -> Reply.json("{\"id\":\"slow\",\"title\":\"Solaris\"}").delay(300))
                .on("/movies/2", r -> r.method().equals("POST") ? Reply.status(204)
                        : Reply.json("{\"id\":\"2\",\"title\":\"Heat\"}").header("Cache-Control", "max-age=60"))
                .on("/movies/3", r -> Reply.json("{\"id\":\"3\",\"title\":\"Up\"}").header("Cache-Control", "max-age=60"))
                .on("/movies/plain", r -> Reply.json("{\"id\":\"plain\",\"title\":\"Ran\"}"))
                .on("/movies/deep", r -> Reply.json("[".repeat(100_000) + "]".repeat(100_000)))
                .on("/account", r -> Reply.status(200).header("Content-Type", "text/plain").header("Cache-Control", "max-age=60")
                        .body("mine"));
        for (int code : new int[] {401, 403, 404, 500}) {
            upstream.on("/status/" + code, r -> Reply.status(code).header("Content-Type", "text/plain").body("nope"));
        }
        deployment = RestClientDeployment.start(Map.of(
                "movies/mp-rest/url", upstream.url(),
                "account/mp-rest/uri", upstream.url(),
                "restdatasource.dead.url", "http://127.0.0.1:" + closedPort() + "/",
                "dead/mp-rest/url", upstream.url()), // restdatasource.<key>.url wins
                RestClientFixtures.beans());
        api = deployment.container().select(Api.class).get();
    }

    @AfterAll
    void stop() {
        deployment.close();
        upstream.close();
    }

    @Test
    void secondIdenticalGetInANewRequestIsServedFromTheCache() {
        assertEquals("Alien", deployment.inRequest(() -> api.movies.movie("1")).title);
        assertEquals("Alien", deployment.inRequest(() -> api.movies.movie("1")).title);
        assertEquals(1, upstream.count("/movies/1"));
    }

    @Test
    void concurrentIdenticalAsyncGetsInOneRequestReachUpstreamOnce() throws Exception {
        Movie[] movies = deployment.inRequest(() -> {
            CompletionStage<Movie> a = api.movies.movieAsync("slow");
            CompletionStage<Movie> b = api.movies.movieAsync("slow");
            try {
                return new Movie[] {a.toCompletableFuture().get(10, TimeUnit.SECONDS),
                        b.toCompletableFuture().get(10, TimeUnit.SECONDS)};
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("Solaris", movies[0].title);
        assertEquals("Solaris", movies[1].title);
        assertEquals(1, upstream.count("/movies/slow"));
        // Not cacheable: another request goes upstream again.
        deployment.inRequest(() -> api.movies.movie("slow"));
        assertEquals(2, upstream.count("/movies/slow"));
    }

    @Test
    void asyncCallsJoinedOneByOneRunOnTheWaitingThreadOrThePoolAndStillShareAnIdenticalGet() {
        Movie[] movies = deployment.inRequest(() -> {
            CompletionStage<Movie> a = api.movies.movieAsync("slow-joined");
            CompletionStage<Movie> b = api.movies.movieAsync("slow-joined");
            assertInstanceOf(CallerRunsFuture.class, a);
            // join() may run the call here (if no pool thread took it yet): b is taken by the pool meanwhile
            return new Movie[] {a.toCompletableFuture().join(), b.toCompletableFuture().join()};
        });
        assertEquals("Solaris", movies[0].title);
        assertEquals("Solaris", movies[1].title);
        assertEquals(1, upstream.count("/movies/slow-joined"));
        deployment.inRequest(() -> api.movies.movie("slow-joined"));
        assertEquals(2, upstream.count("/movies/slow-joined"));
    }

    @Test
    void userFilterHeaderFactoryAndRequestFilterBeanHeadersReachUpstream() {
        deployment.inRequest(() -> api.movies.movie("plain"));
        Upstream.Received received = upstream.last();
        assertEquals("yes", received.header("X-User-Filter"));
        assertEquals("yes", received.header("X-Headers-Factory"));
        assertEquals("acme", received.header("X-Tenant"));
    }

    @Test
    void requestFilterBeanReadsTheRequestContextInAnAsyncCall() throws Exception {
        Movie movie = deployment.inRequest(() -> {
            deployment.container().select(DataSourceContext.class).get().attribute("tenant", "globex");
            try {
                return api.movies.movieAsync("plain").toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("Ran", movie.title);
        assertEquals("globex", upstream.last().header("X-Tenant")); // the filter ran on the client's thread
    }

    @Test
    void authorizationFromTheHeaderFactoryMakesAMaxAgeOnlyResponseNotShared() {
        assertEquals("mine", deployment.inRequest(() -> api.account.account()));
        assertEquals("mine", deployment.inRequest(() -> api.account.account()));
        assertEquals("Bearer secret", upstream.last().header("Authorization"));
        assertEquals(null, upstream.last().header("X-Tenant")); // the filter bean chose by data-source name
        assertEquals(2, upstream.count("/account"));
    }

    @Test
    void postInvalidatesTheCachedGet() {
        assertEquals("Heat", deployment.inRequest(() -> api.movies.movie("2")).title);
        Movie changed = new Movie();
        changed.id = "2";
        changed.title = "Heat (1995)";
        deployment.inRequest(() -> {
            api.movies.update("2", changed);
            return null;
        });
        assertEquals("{\"id\":\"2\",\"title\":\"Heat (1995)\"}", upstream.last().bodyText());
        assertEquals("Heat", deployment.inRequest(() -> api.movies.movie("2")).title);
        assertEquals(3, upstream.count("/movies/2"));
    }

    @ParameterizedTest
    @CsvSource({"401, UNAUTHENTICATED", "403, FORBIDDEN", "404, NOT_FOUND", "500, UPSTREAM_ERROR"})
    void errorStatusesBecomeDataSourceExceptionsWithCodes(int status, String code) {
        DataSourceException e = assertThrows(DataSourceException.class, () -> deployment.inRequest(() -> api.movies.status(status)));
        assertEquals(code, e.code());
        assertEquals(status, e.status());
        assertNotNull(e.url());
        assertEquals("nope", e.body());
    }

    @Test
    void asyncErrorStatusFailsTheStageWithTheDataSourceException() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> deployment.inRequest(() -> api.movies.statusAsync(404))
                .toCompletableFuture().get(10, TimeUnit.SECONDS));
        DataSourceException cause = assertInstanceOf(DataSourceException.class, e.getCause());
        assertEquals(ErrorCode.NOT_FOUND, cause.code());
    }

    @Test
    void errorsBecomeTheApplicationsGeneratedClassesWhenTheContextClassLoaderHasThem() throws Exception {
        // first with this test's loader (no generated classes): a plain DataSourceException with the safe message
        DataSourceException plain = assertThrows(DataSourceException.class, () -> deployment.inRequest(() -> api.movies.status(404)));
        assertEquals(DataSourceException.class, plain.getClass());
        assertEquals("404: Not Found", plain.getMessage());

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (java.net.URLClassLoader app = dev.restdatasource.internal.graphql.GeneratedCodes.loaderWithGeneratedClasses()) {
            thread.setContextClassLoader(app);
            DataSourceException e = assertThrows(DataSourceException.class, () -> deployment.inRequest(() -> api.movies.status(403)));
            assertEquals("dev.restdatasource.graphql.codes.Forbidden", e.getClass().getName());
            assertEquals("403: Forbidden", e.getMessage());
            assertEquals("nope", e.body(), "the body stays available on the server");
            ExecutionException async = assertThrows(ExecutionException.class, () -> deployment.inRequest(() -> api.movies.statusAsync(401))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertEquals("dev.restdatasource.graphql.codes.Unauthenticated", async.getCause().getClass().getName());
            DataSourceException dead = assertThrows(DataSourceException.class, () -> deployment.inRequest(() -> api.dead.anything()));
            assertEquals("dev.restdatasource.graphql.codes.UpstreamUnavailable", dead.getClass().getName());
            assertEquals("Upstream unavailable", dead.getMessage());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void refusedConnectionIsUpstreamUnavailable() {
        DataSourceException e = assertThrows(DataSourceException.class, () -> deployment.inRequest(() -> api.dead.anything()));
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
    }

    @Test
    void callsOutsideARequestScopeStillWorkAndShareTheCache() {
        assertEquals("Up", api.movies.movie("3").title);
        assertEquals("Up", api.movies.movie("3").title);
        assertEquals(1, upstream.count("/movies/3"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aJsonBodyNestedTooDeepFailsTheCallWithItsCodeBeforeTheClientParsesIt() {
        DataSourceException e = assertThrows(DataSourceException.class, () -> deployment.inRequest(() -> api.movies.movie("deep")));
        assertEquals(ErrorCode.INVALID_UPSTREAM_RESPONSE, e.code());
        assertEquals(200, e.status());
        assertEquals("Invalid upstream response", e.getMessage()); // as GraphQL clients see it: no URL
        ExecutionException async = assertThrows(ExecutionException.class,
                () -> deployment.inRequest(() -> api.movies.movieAsync("deep")).toCompletableFuture().get(60, TimeUnit.SECONDS));
        assertEquals(ErrorCode.INVALID_UPSTREAM_RESPONSE, assertInstanceOf(DataSourceException.class, async.getCause()).code());
    }
}

package dev.restdatasource.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.internal.cdi.GraphQLErrorMappingInterceptor;
import dev.restdatasource.cache.testkit.TestContainer;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The interceptor that {@code RestDataSourceExtension} binds to every RESTDataSource bean, in Weld SE, with the
 * generated classes of a test application on the thread context class loader (as in a WAR).
 */
class GraphQLErrorMappingInterceptorTest {
    private static final String NOT_FOUND_CLASS = "dev.restdatasource.graphql.codes.NotFound";
    private static Upstream upstream;
    private static URLClassLoader app;
    private static TestContainer container;

    @BeforeAll
    static void boot() throws Exception {
        upstream = new Upstream();
        upstream.on("/movies/missing", r -> Reply.status(404).header("Content-Type", "text/plain").body("secret body"));
        upstream.on("/movies/1", r -> Reply.status(200).header("Content-Type", "text/plain").body("Alien"));
        app = GeneratedCodes.loaderWithGeneratedClasses();
        container = withLoader(app, () -> TestContainer.boot(Map.of("restdatasource.CodedMoviesAPI.url", upstream.url()),
                CodedMoviesAPI.class));
        assertEquals("Alien", inApp(() -> container.bean(CodedMoviesAPI.class).movie("1"))); // settings read here
    }

    @AfterAll
    static void shutdown() throws IOException {
        try {
            if (container != null) {
                withLoader(app, () -> {
                    container.close();
                    return null;
                });
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            upstream.close();
            app.close();
        }
    }

    private static <T> T withLoader(ClassLoader loader, Callable<T> work) throws Exception {
        return GeneratedCodes.withContextClassLoader(loader, work);
    }

    private static <T> T inApp(Callable<T> work) throws Exception {
        return withLoader(app, () -> container.inRequest(work));
    }

    private static DataSourceException assertNotFound(Throwable thrown) {
        assertEquals(NOT_FOUND_CLASS, thrown.getClass().getName());
        assertSame(app, thrown.getClass().getClassLoader());
        DataSourceException e = assertInstanceOf(DataSourceException.class, thrown);
        assertEquals("404: Not Found", e.getMessage());
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals(404, e.status());
        assertTrue(e.url().toString().endsWith("/movies/missing"), "the URL stays available on the server");
        assertEquals("secret body", e.body());
        return e;
    }

    @Test
    void anUpstream404ThrowsTheApplicationsNotFoundClass() {
        Exception thrown = assertThrows(Exception.class, () -> inApp(() -> container.bean(CodedMoviesAPI.class).movie("missing")));
        DataSourceException e = assertNotFound(thrown);
        assertSame(DataSourceException.class, e.getCause().getClass(), "the engine's exception is the cause");
        assertSame(DataSourceException.class, CodedMoviesAPI.HOOK_SAW.get().getClass(),
                "hooks run inside the engine and are not intercepted");
    }

    @Test
    void aFailedCompletionStageIsMappedToo() throws Exception {
        CompletionException thrown = assertThrows(CompletionException.class, () -> inApp(() ->
                container.bean(CodedMoviesAPI.class).movieAsync("missing").toCompletableFuture()).join());
        assertNotFound(thrown.getCause());

        java.util.concurrent.ExecutionException viaFuture = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> inApp(() -> container.bean(CodedMoviesAPI.class).movieFuture("missing")).get(10, TimeUnit.SECONDS));
        assertNotFound(viaFuture.getCause());
        assertEquals("Alien", inApp(() -> container.bean(CodedMoviesAPI.class).movieAsync("1").toCompletableFuture()).join());
    }

    @Test
    void methodsInheritedFromTheApplicationsBaseClassAreMapped() {
        Exception thrown = assertThrows(Exception.class, () -> inApp(() -> container.bean(CodedMoviesAPI.class).inherited("missing")));
        assertNotFound(thrown);
    }

    @Test
    void otherExceptionsPassThroughUnchanged() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> inApp(() -> container.bean(CodedMoviesAPI.class).failsWithBug()));
        assertEquals("bug", thrown.getMessage());
    }

    @Test
    void withoutGeneratedClassesOnTheContextClassLoaderTheDataSourceExceptionStays() {
        Exception thrown = assertThrows(Exception.class, () -> withLoader(GraphQLErrorMappingInterceptorTest.class.getClassLoader(),
                () -> container.inRequest(() -> container.bean(CodedMoviesAPI.class).movie("missing"))));
        assertSame(DataSourceException.class, thrown.getClass());
        assertEquals("404: Not Found", thrown.getMessage());
    }

    @Test
    void onlyTheApplicationsOwnMethodsAreBound() throws Exception {
        assertTrue(GraphQLErrorMappingInterceptor.maps(CodedMoviesAPI.class.getMethod("movie", String.class)));
        assertTrue(GraphQLErrorMappingInterceptor.maps(BaseMoviesAPI.class.getMethod("inherited", String.class)));
        assertFalse(GraphQLErrorMappingInterceptor.maps(CodedMoviesAPI.class.getDeclaredMethod("errorFromResponse",
                java.net.URI.class, dev.restdatasource.DataSourceRequest.class, dev.restdatasource.DataSourceResponse.class)),
                "an overridden hook");
        assertFalse(GraphQLErrorMappingInterceptor.maps(CodedMoviesAPI.class.getMethod("name")));
        assertFalse(GraphQLErrorMappingInterceptor.maps(Object.class.getMethod("toString")));
    }

    @Test
    void exposingUpstreamDetailsKeepsTheEnginesMessage() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + port + "/";
        for (boolean expose : new boolean[] {false, true}) {
            try (URLClassLoader loader = GeneratedCodes.loaderWithGeneratedClasses()) {
                TestContainer other = withLoader(loader, () -> TestContainer.boot(Map.of("restdatasource.CodedMoviesAPI.url", dead,
                        "restdatasource.expose-upstream-details", String.valueOf(expose)), CodedMoviesAPI.class));
                try {
                    Exception thrown = assertThrows(Exception.class, () -> withLoader(loader,
                            () -> other.inRequest(() -> other.bean(CodedMoviesAPI.class).movie("1"))));
                    assertEquals("dev.restdatasource.graphql.codes.UpstreamUnavailable", thrown.getClass().getName());
                    if (expose) {
                        assertTrue(thrown.getMessage().contains("127.0.0.1:" + port), thrown.getMessage());
                    } else {
                        assertEquals("Upstream unavailable", thrown.getMessage());
                    }
                } finally {
                    withLoader(loader, () -> {
                        other.close();
                        return null;
                    });
                }
            }
        }
    }
}

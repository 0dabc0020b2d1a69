package dev.restdatasource.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.ErrorCode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ResponseProcessingException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapper, with the generated classes of a test application on the thread context class loader, and without. */
class GraphQLErrorMapperTest {
    private static final URI URL = URI.create("http://movies.internal:8080/movies/7?token=secret");
    private static final GraphQLErrorMapper SAFE = new GraphQLErrorMapper(false);
    private static final GraphQLErrorMapper EXPOSING = new GraphQLErrorMapper(true);
    private static URLClassLoader app;

    @BeforeAll
    static void compile() throws IOException {
        app = GeneratedCodes.loaderWithGeneratedClasses();
    }

    @AfterAll
    static void close() throws IOException {
        app.close();
    }

    private static <T> T withApplicationLoader(Callable<T> work) throws Exception {
        return withLoader(app, work);
    }

    private static <T> T withLoader(ClassLoader loader, Callable<T> work) throws Exception {
        return GeneratedCodes.withContextClassLoader(loader, work);
    }

    private static DataSourceException http(int status, String text, String code) {
        return new DataSourceException(status + ": " + text, code, status, text, URL, Map.of("detail", "secret body"), null);
    }

    @ParameterizedTest
    @CsvSource({
        "401, Unauthorized, UNAUTHENTICATED, Unauthenticated, 401: Unauthorized",
        "403, Forbidden, FORBIDDEN, Forbidden, 403: Forbidden",
        "404, Not Found, NOT_FOUND, NotFound, 404: Not Found",
        "422, Unprocessable Content, BAD_REQUEST, BadRequest, 422: Unprocessable Content",
        "503, Service Unavailable, UPSTREAM_ERROR, UpstreamError, 503: Service Unavailable",
        "0, '', UPSTREAM_TIMEOUT, UpstreamTimeout, Upstream timeout",
        "0, '', UPSTREAM_UNAVAILABLE, UpstreamUnavailable, Upstream unavailable",
        "200, OK, INVALID_UPSTREAM_RESPONSE, InvalidUpstreamResponse, Invalid upstream response"})
    void everyCodeBecomesItsGeneratedClassWithASafeMessage(int status, String text, String code, String simpleName,
            String message) throws Exception {
        DataSourceException original = new DataSourceException("Upstream said no at " + URL + ": secret body", code, status,
                text, URL, "secret body", new IOException("socket"));
        RuntimeException mapped = withApplicationLoader(() -> SAFE.toClient(original));
        assertEquals("dev.restdatasource.graphql.codes." + simpleName, mapped.getClass().getName());
        assertSame(app, mapped.getClass().getClassLoader());
        DataSourceException e = assertInstanceOf(DataSourceException.class, mapped);
        assertEquals(message, e.getMessage());
        assertEquals(code, e.code());
        assertEquals(status, e.status());
        assertEquals(URL, e.url(), "kept for server-side use");
        assertEquals("secret body", e.body());
        assertSame(original, e.getCause());
    }

    @Test
    void exposingUpstreamDetailsKeepsTheOriginalMessage() throws Exception {
        DataSourceException original = new DataSourceException("Upstream timeout: " + URL + " did not answer in time",
                ErrorCode.UPSTREAM_TIMEOUT, 0, "", URL, null, null);
        RuntimeException mapped = withApplicationLoader(() -> EXPOSING.toClient(original));
        assertEquals("dev.restdatasource.graphql.codes.UpstreamTimeout", mapped.getClass().getName());
        assertEquals(original.getMessage(), mapped.getMessage());
        assertEquals("Upstream timeout", withApplicationLoader(() -> SAFE.toClient(original)).getMessage());
    }

    @Test
    void aMissingStatusTextIsFilledInAndUnknownCodesWithoutStatusAreUpstreamErrors() {
        assertEquals("404: Not Found", GraphQLErrorMapper.safeMessage(http(404, "", ErrorCode.NOT_FOUND)));
        assertEquals("599", GraphQLErrorMapper.safeMessage(http(599, "", ErrorCode.UPSTREAM_ERROR)));
        assertEquals("Upstream error", GraphQLErrorMapper.safeMessage(
                new DataSourceException("at " + URL, "MY_CODE", 0, "", URL, null, null)));
    }

    @Test
    void unwrapsCompletionExecutionAndProcessingExceptions() throws Exception {
        DataSourceException original = http(404, "Not Found", ErrorCode.NOT_FOUND);
        for (Throwable wrapped : new Throwable[] {new CompletionException(original), new ExecutionException(original),
                new ProcessingException(original), new ResponseProcessingException(null, original),
                new CompletionException(new ProcessingException(new ExecutionException(original)))}) {
            RuntimeException mapped = withApplicationLoader(() -> SAFE.toClient(wrapped));
            assertEquals("dev.restdatasource.graphql.codes.NotFound", mapped.getClass().getName(), wrapped.toString());
            assertSame(original, mapped.getCause());
        }
    }

    @Test
    void otherExceptionsPassThroughUnchanged() throws Exception {
        IllegalStateException plain = new IllegalStateException("bug");
        assertSame(plain, withApplicationLoader(() -> SAFE.toClient(plain)));
        CompletionException wrappedBug = new CompletionException(plain);
        assertSame(wrappedBug, withApplicationLoader(() -> SAFE.toClient(wrappedBug)));
        IOException checked = new IOException("io");
        assertSame(checked, SAFE.map(checked));
        assertSame(checked, SAFE.toClient(checked).getCause(), "a checked exception is carried in a CompletionException");
        Error error = new AssertionError("boom");
        assertSame(error, SAFE.map(error));
    }

    @Test
    void subclassesAreTheApplicationsOwnAndMappingIsIdempotent() throws Exception {
        DataSourceException own = new DataSourceException("mine", "MINE", 0, "", null, null, null) {
            private static final long serialVersionUID = 1L;
        };
        assertSame(own, withApplicationLoader(() -> SAFE.toClient((Throwable) own)));
        RuntimeException once = withApplicationLoader(() -> SAFE.toClient(http(403, "Forbidden", ErrorCode.FORBIDDEN)));
        assertSame(once, withApplicationLoader(() -> SAFE.toClient(once)));
        assertSame(once, withApplicationLoader(() -> SAFE.toClient(new CompletionException(once))).getCause());
    }

    @Test
    void withoutGeneratedClassesTheDataSourceExceptionItselfIsKeptWhenItsMessageIsSafe() throws Exception {
        ClassLoader plain = new URLClassLoader(new java.net.URL[0], GraphQLErrorMapperTest.class.getClassLoader());
        DataSourceException safe = http(404, "Not Found", ErrorCode.NOT_FOUND);
        assertSame(safe, withLoader(plain, () -> SAFE.toClient(safe)));

        DataSourceException leaky = new DataSourceException("Upstream unavailable: " + URL + " could not connect",
                ErrorCode.UPSTREAM_UNAVAILABLE, 0, "", URL, null, null);
        RuntimeException mapped = withLoader(plain, () -> SAFE.toClient(leaky));
        assertSame(DataSourceException.class, mapped.getClass());
        assertNotSame(leaky, mapped);
        assertEquals("Upstream unavailable", mapped.getMessage());
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, ((DataSourceException) mapped).code());
        assertEquals(URL, ((DataSourceException) mapped).url());
        assertSame(leaky, mapped.getCause());
        assertSame(leaky, withLoader(plain, () -> EXPOSING.toClient(leaky)));

        // the same code then resolves again for a loader that has the classes (lookups are per class loader)
        assertEquals("dev.restdatasource.graphql.codes.UpstreamUnavailable",
                withApplicationLoader(() -> SAFE.toClient(leaky)).getClass().getName());
        assertSame(leaky, withLoader(null, () -> EXPOSING.toClient(leaky)), "no TCCL: the library's loader, no classes");
    }

    /** The methods the front ends' calls are made on, in the tests of {@link GraphQLErrorMapper#mapFailures}. */
    interface Calls {
        String sync();

        CompletionStage<String> async();
    }

    @Test
    void mapFailuresMapsWhatACallThrows() throws Exception {
        Method sync = Calls.class.getMethod("sync");
        DataSourceException original = http(404, "Not Found", ErrorCode.NOT_FOUND);
        RuntimeException thrown = withApplicationLoader(() -> assertThrows(
                RuntimeException.class, () -> SAFE.mapFailures(sync, UnaryOperator.identity(),
                        () -> { throw new CompletionException(original); })));
        assertEquals("dev.restdatasource.graphql.codes.NotFound", thrown.getClass().getName());
        assertSame(original, thrown.getCause());

        IOException checked = new IOException("io");
        assertSame(checked, assertThrows(IOException.class,
                () -> SAFE.mapFailures(sync, UnaryOperator.identity(), () -> { throw checked; })));
        assertEquals("ok", SAFE.mapFailures(sync, UnaryOperator.identity(), () -> "ok"));
    }

    @Test
    void mapFailuresLetsTheFrontEndStripItsOwnWrappersFirst() throws Exception {
        Method sync = Calls.class.getMethod("sync");
        DataSourceException own = new DataSourceException("mine", "MINE", 0, "", null, null, null) {
            private static final long serialVersionUID = 1L;
        };
        ProcessingException wrapped = new ProcessingException(own);
        assertSame(wrapped, assertThrows(ProcessingException.class,
                () -> SAFE.mapFailures(sync, UnaryOperator.identity(), () -> { throw wrapped; })),
                "without an unwrap, an application's subclass stays inside its wrapper");
        assertSame(own, assertThrows(DataSourceException.class,
                () -> SAFE.mapFailures(sync, failure -> failure.getCause(), () -> { throw wrapped; })));
    }

    @Test
    void mapFailuresMapsTheFailureOfAReturnedStageWithTheCallersClassLoader() throws Exception {
        Method async = Calls.class.getMethod("async");
        DataSourceException original = http(403, "Forbidden", ErrorCode.FORBIDDEN);
        CompletableFuture<String> upstream = new CompletableFuture<>();
        Object returned = withApplicationLoader(() -> SAFE.mapFailures(async,
                UnaryOperator.identity(), () -> upstream));
        upstream.completeExceptionally(original); // here, on a thread whose loader has no generated classes
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> ((CompletableFuture<?>) returned).get());
        assertEquals("dev.restdatasource.graphql.codes.Forbidden", e.getCause().getClass().getName());
        assertSame(original, e.getCause().getCause());

        CompletableFuture<String> untouched = new CompletableFuture<>();
        assertSame(untouched, SAFE.mapFailures(null, UnaryOperator.identity(), () -> untouched),
                "without the method, a returned stage is left as it is");
    }
}

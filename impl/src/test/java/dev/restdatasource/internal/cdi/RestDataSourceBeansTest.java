package dev.restdatasource.internal.cdi;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceContext;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.cache.testkit.TestContainer;
import dev.restdatasource.internal.config.DataSourceSettings;
import dev.restdatasource.internal.support.Upstream.Reply;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RESTDataSource subclasses as CDI beans, in one Weld SE container shared by the tests: each test uses its own
 * upstream paths because the HTTP cache is application-wide.
 */
class RestDataSourceBeansTest {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static Upstream upstream;
    private static TestContainer container;

    @BeforeAll
    static void boot() {
        upstream = new Upstream();
        upstream.on("/movies/cached", r -> Reply.json("{\"id\":\"cached\"}").header("Cache-Control", "public, max-age=60")
                .delay(300));
        upstream.on("/movies/private", r -> Reply.json("{\"id\":\"private\"}").header("Cache-Control", "no-store"));
        container = TestContainer.boot(Map.of(
                        "restdatasource.MoviesAPI.url", upstream.url(),
                        "restdatasource.InterceptedAPI.url", upstream.url(),
                        "restdatasource.cache.max-bytes", "2MiB",
                        "restdatasource.request-timeout", "5s",
                        "restdatasource.cache.timeout", "PT0.2S",
                        "restdatasource.max-redirects", "2"),
                MoviesAPI.class, MovieResolver.class, AuthFilter.class, TraceFilter.class, InterceptedAPI.class,
                Counted.class, CountingInterceptor.class);
    }

    @AfterAll
    static void shutdown() {
        if (container != null) {
            container.close();
        }
        upstream.close();
    }

    @Test
    void requestScopedDataSourceInjectedIntoAnApplicationScopedBeanCallsTheConfiguredBaseURL() throws Exception {
        MovieResolver resolver = container.bean(MovieResolver.class);
        String body = container.inRequest(() -> resolver.movie("private"));
        assertEquals("{\"id\":\"private\"}", body);
        String baseURL = container.inRequest(() -> container.bean(MoviesAPI.class).effectiveBaseURL());
        assertEquals(upstream.url(), baseURL, "restdatasource.MoviesAPI.url wins over the base URL set in code");
    }

    @Test
    void anInterceptedDataSourceKeepsItsNameAndConfiguredURL() throws Exception {
        int before = CountingInterceptor.CALLS.get();
        String body = container.inRequest(() -> container.bean(InterceptedAPI.class).movie("private"));
        assertEquals("{\"id\":\"private\"}", body);
        assertTrue(CountingInterceptor.CALLS.get() > before, "the interceptor ran");
        assertEquals("InterceptedAPI", container.inRequest(() -> container.bean(InterceptedAPI.class).name()));
    }

    @Test
    void oneInstancePerRequestScope() throws Exception {
        MovieResolver resolver = container.bean(MovieResolver.class);
        int[] first = container.inRequest(() -> new int[] {resolver.dataSourceInstance(), resolver.dataSourceInstance()});
        int second = container.inRequest(resolver::dataSourceInstance);
        assertEquals(first[0], first[1], "same instance within one request");
        assertNotEquals(first[0], second, "a new instance for the next request");
    }

    @Test
    void concurrentIdenticalCallsInOneRequestAreDeduplicatedAndTheCacheIsSharedAcrossRequests() throws Exception {
        MovieResolver resolver = container.bean(MovieResolver.class);
        List<DataSourceResponse> firstRequest = container.inRequest(() -> {
            CompletableFuture<DataSourceResponse> a = resolver.fetchMovie("cached").toCompletableFuture();
            CompletableFuture<DataSourceResponse> b = resolver.fetchMovie("cached").toCompletableFuture();
            return List.of(a.join(), b.join());
        });
        assertEquals(1, upstream.count("/movies/cached"), "two concurrent identical calls, one upstream request");
        assertTrue(firstRequest.get(0).deduplicated() || firstRequest.get(1).deduplicated());
        firstRequest.get(0).cacheWrite().toCompletableFuture().join();

        DataSourceResponse secondRequest = container.inRequest(() -> resolver.fetchMovie("cached").toCompletableFuture().join());
        assertTrue(secondRequest.fromCache(), "another request is served from the shared HTTP cache");
        assertFalse(secondRequest.deduplicated());
        assertEquals(1, upstream.count("/movies/cached"));
    }

    @Test
    void requestFiltersRunInPriorityOrderAndReadTheRequestContext() throws Exception {
        MovieResolver resolver = container.bean(MovieResolver.class);
        DataSourceContext context = container.bean(DataSourceContext.class);
        String token = "token-" + IDS.incrementAndGet();
        container.inRequest(() -> {
            context.attribute("token", token);
            return resolver.movie("private");
        });
        Upstream.Received withToken = upstream.last();
        assertEquals("Bearer " + token, withToken.header("Authorization"));
        assertEquals(List.of("trace", "auth"), headerValues(withToken, "X-Filters"), "@Priority(10) before @Priority(20)");

        container.inRequest(() -> resolver.movie("private"));
        assertNull(upstream.last().header("Authorization"), "attributes last one request");
    }

    @Test
    void theContextAnswersEmptyOutsideARequest() {
        DataSourceContext context = container.bean(DataSourceContext.class);
        assertNull(context.header("Authorization"));
        assertEquals(List.of(), context.headers("Authorization"));
        assertNull(context.attribute("token"));
        context.attribute("token", "ignored");
        assertNull(context.attribute("token"));
    }

    @Test
    void theInjectableConfigurationFollowsTheSettings() {
        DataSourceConfig config = container.bean(DataSourceConfig.class);
        assertEquals(Duration.ofSeconds(5), config.requestTimeout());
        assertEquals(Duration.ofMillis(200), config.cacheTimeout());
        assertEquals(2, config.maxRedirects());
        InMemoryKeyValueCache cache = assertInstanceOf(InMemoryKeyValueCache.class, config.cache());
        assertEquals(2L << 20, cache.maxBytes());
        assertEquals(2, config.requestFilters().size());
        assertTrue(config == container.bean(DataSourceConfig.class), "one configuration per application");
        assertEquals(upstream.url(), container.bean(DataSourceSettings.class).url("MoviesAPI").orElseThrow());
    }

    private static List<String> headerValues(Upstream.Received received, String name) {
        return received.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .flatMap(v -> java.util.Arrays.stream(v.split(",\\s*")))
                .toList();
    }
}

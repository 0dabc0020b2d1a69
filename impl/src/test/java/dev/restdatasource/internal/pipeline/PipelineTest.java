package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.event.CallInfo;
import dev.restdatasource.event.DataSourceEventListener;
import dev.restdatasource.DeduplicationPolicy;
import dev.restdatasource.Headers;
import dev.restdatasource.RequestFilter;
import dev.restdatasource.internal.bridge.DataSourceHooks;
import dev.restdatasource.internal.cache.HttpCache;
import dev.restdatasource.spi.Transport;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The pipeline is one ordered list of steps, and a step added to it runs at its place and sees request and response. */
class PipelineTest {
    private static final String BASE = "http://upstream.test/";

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Map<String, DataSourceResponse.Builder> replies = new java.util.concurrent.ConcurrentHashMap<>();
    private final Transport transport = request -> {
        events.add("transport " + request.method() + " " + request.uri());
        DataSourceResponse.Builder reply = replies.get(request.uri().toString());
        return CompletableFuture.completedFuture(reply.url(request.uri()).build());
    };
    private final RequestFilter filter = (name, request) -> events.add("filter " + name);
    private final DataSourceConfig config = DataSourceConfig.builder().requestFilters(List.of(filter)).build();
    private final HttpCache httpCache = new HttpCache(InMemoryKeyValueCache.create(),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    /** A step that records what goes down and what comes back. */
    private Step recording(String name) {
        return (call, next) -> {
            events.add(name + " sends " + call.exchange().method() + " " + call.exchange().url());
            return next.proceed(call).thenApply(response -> {
                events.add(name + " sees " + response.status() + (response.fromCache() ? " from the cache" : ""));
                return response;
            });
        };
    }

    private static DataSourceResponse.Builder reply(int status, String... headers) {
        return DataSourceResponse.builder().status(status).headers(Headers.of(headers))
                .body("{}".getBytes(StandardCharsets.UTF_8));
    }

    private DataSourceResponse get(Engine engine, String path) {
        Object result = engine.execute(path, new DataSourceRequest("GET", List.of()), DataSourceResponse.class)
                .toCompletableFuture().join();
        return (DataSourceResponse) result;
    }

    @Test
    void theStepsAreListedInOrderInOnePlace() {
        List<Class<?>> order = Pipeline.of(config, httpCache, transport).steps().stream()
                .<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(RequestFiltersStep.class, WillSendRequestStep.class, ResolveUrlStep.class,
                DeduplicationStep.class, TraceStep.class, RedirectStep.class, HttpCacheStep.class, DeadlineStep.class, TransportStep.class),
                order);
    }

    @Test
    void anAddedStepRunsAtItsPlaceAndSeesTheRequestAndTheResponse() {
        replies.put(BASE + "movies/1", reply(200, "cache-control", "max-age=60"));
        Pipeline pipeline = Pipeline.of(config, httpCache, transport).withStepBefore(HttpCacheStep.class, recording("added"));
        Engine engine = new Engine(pipeline, new RecordingHooks());

        DataSourceResponse first = get(engine, "movies/1");
        first.cacheWrite().toCompletableFuture().join();

        assertEquals(List.of("filter Recording", "willSendRequest movies/1", "resolveURL movies/1",
                "requestDeduplicationPolicyFor", "trace", "added sends GET " + BASE + "movies/1", "cacheKeyFor",
                "transport GET " + BASE + "movies/1", "added sees 200"), events);

        events.clear();
        DataSourceResponse second = new Engine(pipeline, new RecordingHooks()).execute("movies/1",
                new DataSourceRequest("GET", List.of()), DataSourceResponse.class)
                .thenApply(DataSourceResponse.class::cast).toCompletableFuture().join();

        assertTrue(second.fromCache());
        assertEquals(List.of("filter Recording", "willSendRequest movies/1", "resolveURL movies/1",
                "requestDeduplicationPolicyFor", "trace", "added sends GET " + BASE + "movies/1", "cacheKeyFor",
                "added sees 200 from the cache"), events, "the added step sees a cache hit too; the transport is not called");
    }

    @Test
    void aStepBeforeTheTransportRunsOncePerRedirectHop() {
        replies.put(BASE + "old", reply(301, "location", BASE + "new"));
        replies.put(BASE + "new", reply(200));
        Pipeline pipeline = Pipeline.of(config, httpCache, transport).withStepBefore(TransportStep.class, recording("hop"));

        DataSourceResponse response = get(new Engine(pipeline, new RecordingHooks()), "old");

        assertEquals(BASE + "new", response.url().toString());
        assertEquals(List.of("hop sends GET " + BASE + "old", "transport GET " + BASE + "old", "hop sees 301",
                "hop sends GET " + BASE + "new", "transport GET " + BASE + "new", "hop sees 200"),
                events.stream().filter(e -> e.startsWith("hop") || e.startsWith("transport")).toList());
    }

    @Test
    void aFailureBeforeDeduplicationIsNotReportedAndOneAfterItIs() {
        Step failing = (call, next) -> {
            throw new IllegalStateException("refused");
        };
        Engine before = new Engine(Pipeline.of(config, httpCache, transport)
                .withStepBefore(DeduplicationStep.class, failing), new RecordingHooks());
        Engine after = new Engine(Pipeline.of(config, httpCache, transport)
                .withStepBefore(HttpCacheStep.class, failing), new RecordingHooks());

        assertThrows(RuntimeException.class, () -> get(before, "movies/1"));
        assertTrue(events.stream().noneMatch(e -> e.startsWith("didEncounterError")), events.toString());

        assertThrows(RuntimeException.class, () -> get(after, "movies/1"));
        assertEquals("didEncounterError refused", events.get(events.size() - 1));
    }

    @Test
    void theListenerIsToldOfEachFailedCallOnceAndCannotChangeItsOutcome() {
        Step failing = (call, next) -> {
            throw new IllegalStateException("refused");
        };
        List<String> told = new CopyOnWriteArrayList<>();
        DataSourceEventListener broken = new DataSourceEventListener() {
            @Override
            public void callFailed(CallInfo call, String errorCode, RuntimeException error) {
                told.add(call.dataSource() + " " + call.url() + " " + error.getMessage());
                throw new IllegalStateException("a broken listener");
            }
        };
        Pipeline steps = Pipeline.of(config, httpCache, transport);
        Engine before = new Engine(new Pipeline(steps.steps(), List.of(broken)).withStepBefore(DeduplicationStep.class, failing),
                new RecordingHooks());
        Engine after = new Engine(new Pipeline(steps.steps(), List.of(broken)).withStepBefore(HttpCacheStep.class, failing),
                new RecordingHooks());

        CompletionException e = assertThrows(CompletionException.class, () -> get(before, "movies/1"));
        assertEquals("refused", e.getCause().getMessage(), "the call's own failure");
        e = assertThrows(CompletionException.class, () -> get(after, "movies/1"));
        assertEquals("refused", e.getCause().getMessage(), "the call's own failure");
        assertEquals(List.of("Recording " + BASE + "movies/1 refused", "Recording " + BASE + "movies/1 refused"), told,
                "told once per call, before deduplication too, also after withStepBefore");
    }

    @Test
    void aStepCannotBeAddedBeforeOneThatIsNotInThePipeline() {
        Pipeline pipeline = new Pipeline(List.of(new TransportStep(transport, DataSourceConfig.DEFAULT_MAX_RESPONSE_BYTES)));
        assertThrows(IllegalArgumentException.class, () -> pipeline.withStepBefore(HttpCacheStep.class, recording("x")));
    }

    /** The hooks of a data source named "Recording", each recording its call and doing the plain default. */
    private final class RecordingHooks implements DataSourceHooks {
        @Override
        public String name() {
            return "Recording";
        }

        @Override
        public void willSendRequest(String path, DataSourceRequest request) {
            events.add("willSendRequest " + path);
        }

        @Override
        public URI resolveURL(String path, DataSourceRequest request) {
            events.add("resolveURL " + path);
            return URI.create(BASE + path);
        }

        @Override
        public boolean shouldJSONSerializeBody(Object body) {
            return true;
        }

        @Override
        public String cacheKeyFor(URI url, DataSourceRequest request) {
            events.add("cacheKeyFor");
            return request.method() + " " + url;
        }

        @Override
        public DeduplicationPolicy requestDeduplicationPolicyFor(URI url, DataSourceRequest request) {
            events.add("requestDeduplicationPolicyFor");
            return DeduplicationPolicy.doNotDeduplicate();
        }

        @Override
        public CacheOptions cacheOptionsFor(URI url, DataSourceResponse response, DataSourceRequest request) {
            return null;
        }

        @Override
        public CompletionStage<DataSourceResponse> trace(URI url, DataSourceRequest request,
                Supplier<CompletionStage<DataSourceResponse>> call) {
            events.add("trace");
            return call.get();
        }

        @Override
        public void throwIfResponseIsError(URI url, DataSourceRequest request, DataSourceResponse response) {
            if (!response.isSuccessful()) {
                throw errorFromResponse(url, request, response);
            }
        }

        @Override
        public DataSourceException errorFromResponse(URI url, DataSourceRequest request, DataSourceResponse response) {
            return new DataSourceException(response.status() + "", null, response.status(), "", url, null, null);
        }

        @Override
        public Object parseBody(DataSourceResponse response, Type type) {
            return response;
        }

        @Override
        public void didEncounterError(RuntimeException error, DataSourceRequest request, URI url) {
            events.add("didEncounterError " + error.getMessage());
        }
    }
}

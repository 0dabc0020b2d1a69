package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.event.CacheOutcome;
import dev.restdatasource.event.CallInfo;
import dev.restdatasource.event.CallSummary;
import dev.restdatasource.event.DataSourceEventListener;
import dev.restdatasource.event.StoreFailure;
import dev.restdatasource.internal.support.LogCapture;
import dev.restdatasource.internal.support.MutableClock;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each kind of event, told through the real pipeline against a real upstream on 127.0.0.1: call start and end, the
 * cache's outcomes with the policy's reasons, store reads and writes and their failures, upstream exchanges,
 * redirects, deduplicated joins and failures with their codes; URLs redacted; a throwing listener changes nothing.
 */
class EventsTest {
    private final Upstream upstream = new Upstream();
    private final MutableClock clock = MutableClock.atEpochSecond(1_700_000_000L);
    private final Recorder events = new Recorder();
    private final List<LogCapture> logs = new ArrayList<>();

    @AfterEach
    void release() {
        logs.forEach(LogCapture::close);
        upstream.close();
    }

    private DataSourceConfig.Builder config() {
        return DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).clock(clock)
                .requestTimeout(Duration.ofSeconds(10)).eventListeners(List.of(events));
    }

    private TestSource source() {
        return new TestSource(config().build(), upstream.url());
    }

    @Test
    void aMissThenAHitAreToldInOrderWithTheirReasons() {
        upstream.on("/m", r -> Reply.json("{\"id\":1}").header("Cache-Control", "max-age=60"));
        TestSource source = source();
        source.doGet("m").as(String.class);
        List<String> first = new ArrayList<>(events.waitFor(e -> e.startsWith("storeWrite")));
        assertTrue(first.remove("storeWrite ok"), "the write ends in the background, before or after the call's end");
        assertEquals(List.of("callStart TestSource GET m " + upstream.url() + "m", "storeRead ok", "upstreamRequest GET "
                + upstream.url() + "m", "upstreamResponse 200 8 bytes", "cacheLookup MISS stored for PT1M",
                "callEnd 200 MISS store upstream"), first);
        events.clear();
        source.doGet("m").as(String.class);
        assertEquals(List.of("callStart TestSource GET m " + upstream.url() + "m", "storeRead ok", "cacheLookup HIT fresh",
                "callEnd 200 HIT store"), events.all());
        assertEquals(1, upstream.count("/m"));
    }

    @Test
    void anUncacheableResponseCarriesThePolicysReason() {
        upstream.on("/me", r -> Reply.json("{}").header("Cache-Control", "private, max-age=60"));
        source().doGet("me").as(String.class);
        assertTrue(events.all().contains("cacheLookup UNCACHEABLE not stored: private response"), events.all()::toString);
    }

    @Test
    void aHeadIsUncacheable() {
        upstream.on("/h", r -> Reply.status(200));
        source().doHead("h").fetch();
        assertTrue(events.all().contains("cacheLookup UNCACHEABLE HEAD is never cached"), events.all()::toString);
    }

    @Test
    void aRevalidationThatIsNotModifiedAndOneThatChangedAreTold() {
        upstream.on("/r", r -> "\"v1\"".equals(r.header("If-None-Match"))
                ? Reply.status(304).header("ETag", "\"v1\"").header("Cache-Control", "max-age=1")
                : Reply.json("{}").header("ETag", "\"v1\"").header("Cache-Control", "max-age=1"));
        upstream.on("/c", r -> Reply.json("{}").header("ETag", "\"v" + upstream.count("/c") + "\"")
                .header("Cache-Control", "max-age=1"));
        TestSource source = source();
        source.doGet("r").as(String.class);
        source.doGet("c").as(String.class);
        events.waitFor(e -> e.startsWith("storeWrite") && events.count("storeWrite") == 2);
        clock.advance(Duration.ofSeconds(5));
        events.clear();
        source.doGet("r").as(String.class);
        assertTrue(events.all().stream().anyMatch(e -> e.startsWith("cacheLookup REVALIDATED_NOT_MODIFIED stale, revalidated: 304;"
                + " stored for ")), events.all()::toString);
        events.clear();
        source.doGet("c").as(String.class);
        assertTrue(events.all().stream().anyMatch(e -> e.startsWith("cacheLookup REVALIDATED_CHANGED stale, revalidated: 200;"
                + " stored for ")), events.all()::toString);
    }

    @Test
    void staleServedAndStaleIfErrorAreTold() {
        upstream.on("/swr", r -> Reply.json("{}").header("Cache-Control", "max-age=1, stale-while-revalidate=60"));
        upstream.on("/sie", r -> upstream.count("/sie") == 1 ? Reply.json("{}").header("Cache-Control", "max-age=1, stale-if-error=60")
                : Reply.status(503));
        TestSource source = source();
        source.doGet("swr").as(String.class);
        source.doGet("sie").as(String.class);
        events.waitFor(e -> e.startsWith("storeWrite") && events.count("storeWrite") == 2);
        clock.advance(Duration.ofSeconds(5));
        events.clear();
        source.doGet("swr").as(String.class);
        assertTrue(events.all().contains("cacheLookup STALE within stale-while-revalidate=60"), events.all()::toString);
        events.clear();
        source.doGet("sie").as(String.class);
        assertTrue(events.all().contains("cacheLookup STALE_IF_ERROR upstream answered 503, stale-if-error"), events.all()::toString);
        assertTrue(events.all().contains("upstreamResponse 503 0 bytes"), events.all()::toString);
    }

    @Test
    void aRedirectIsToldWithItsTargetRedacted() {
        upstream.on("/old", r -> Reply.status(302).header("Location", upstream.url() + "new?token=s3cret"));
        upstream.on("/new", r -> Reply.json("{}"));
        source().doGet("old").as(String.class);
        List<String> all = events.all();
        assertTrue(all.contains("redirect 302 " + upstream.url() + "new?token=***"), all::toString);
        assertEquals(2, events.count("upstreamRequest"), all::toString);
        assertEquals(2, events.count("cacheLookup"), "each hop is looked up: " + all);
    }

    @Test
    void anErrorStatusIsToldWithItsCode() {
        upstream.on("/e", r -> Reply.status(404));
        DataSourceException e = assertThrows(DataSourceException.class, () -> source().doGet("e").as(String.class));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        List<String> all = events.all();
        assertTrue(all.contains("callFailed " + e.code()), all::toString);
        assertEquals("callEnd 404 failed " + e.code() + " UNCACHEABLE store upstream", all.get(all.size() - 1));
    }

    @Test
    void anUpstreamThatCannotBeReachedIsToldAsAFailedExchange() {
        TestSource source = new TestSource(config().build(), "http://127.0.0.1:1/");
        DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("x").as(String.class));
        assertEquals(ErrorCode.UPSTREAM_UNAVAILABLE, e.code());
        assertTrue(events.all().stream().anyMatch(s -> s.startsWith("upstreamFailed ")), events.all()::toString);
        assertTrue(events.all().contains("callFailed " + ErrorCode.UPSTREAM_UNAVAILABLE), events.all()::toString);
    }

    @Test
    void anUpstreamThatPassesTheDeadlineIsToldAsATimeout() {
        upstream.on("/slow", r -> Reply.json("{}").delay(3_000));
        TestSource source = new TestSource(config().requestTimeout(Duration.ofMillis(200)).build(), upstream.url());
        DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("slow").as(String.class));
        assertEquals(ErrorCode.UPSTREAM_TIMEOUT, e.code());
        assertEquals(1, events.count("upstreamFailed TimeoutException"), events.all()::toString);
        assertTrue(events.all().contains("callFailed " + ErrorCode.UPSTREAM_TIMEOUT), events.all()::toString);
    }

    @Test
    void aCallerMistakeGetsOnlyFailedAndEndWithoutAUrl() {
        TestSource source = new TestSource(config().build(), null);
        assertThrows(IllegalArgumentException.class, () -> source.doGet("movies/{id}", 7).as(String.class));
        assertEquals(List.of("callFailed null", "callEnd 0 failed null"), events.all());
        assertNull(events.infos.get(0).url());
        assertEquals("movies/{id}", events.infos.get(0).path());
    }

    @Test
    void aJoinedCallIsToldAsDeduplicated() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        upstream.on("/d", r -> {
            release.await(10, TimeUnit.SECONDS);
            return Reply.json("{}").header("Cache-Control", "no-store");
        });
        TestSource source = source();
        CompletableFuture<DataSourceResponse> a = source.doGet("d").fetchAsync().toCompletableFuture();
        CompletableFuture<DataSourceResponse> b = source.doGet("d").fetchAsync().toCompletableFuture();
        release.countDown();
        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);
        assertEquals(1, events.count("deduplicated"), events.all()::toString);
        assertTrue(events.all().contains("callEnd 200 deduplicated"), events.all()::toString);
    }

    @Test
    void storeFailuresAreToldByKind() {
        KeyValueCache failing = new KeyValueCache() {
            @Override
            public CompletionStage<byte[]> get(String key) {
                return CompletableFuture.failedFuture(new IllegalStateException("down"));
            }

            @Override
            public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
                return new CompletableFuture<>(); // never answers: the cache timeout ends it
            }

            @Override
            public CompletionStage<Boolean> delete(String key) {
                return CompletableFuture.completedFuture(false);
            }

            @Override
            public boolean neverBlocksCaller() {
                return true;
            }
        };
        upstream.on("/s", r -> Reply.json("{}").header("Cache-Control", "max-age=60"));
        TestSource source = new TestSource(config().cache(failing).cacheTimeout(Duration.ofMillis(20)).build(), upstream.url());
        source.doGet("s").as(String.class);
        events.waitFor(e -> e.startsWith("storeWrite"));
        assertTrue(events.all().contains("storeRead ERROR"), events.all()::toString);
        assertTrue(events.all().contains("storeWrite TIMEOUT"), events.all()::toString);
        for (int i = 0; i < 6; i++) {
            source.doGet("s").as(String.class); // failures in a row open the circuit
        }
        assertTrue(events.all().contains("storeRead CIRCUIT_OPEN"), events.all()::toString);
    }

    @Test
    void urlsLoseUserInformationAndQueryValues() {
        upstream.on("/q", r -> Reply.json("{}"));
        TestSource source = new TestSource(config().build(), upstream.url().replace("://", "://reader:pa55word@"));
        source.doGet("q").param("api_key", "s3cret").as(String.class);
        String expected = upstream.url() + "q?api_key=***";
        assertEquals(expected, events.infos.get(0).url());
        for (String e : events.all()) {
            assertFalse(e.contains("s3cret") || e.contains("pa55word"), e);
        }
        assertTrue(events.all().contains("upstreamRequest GET " + expected), events.all()::toString);
    }

    @Test
    void aThrowingListenerNeverBreaksACallAndTheOthersAreStillTold() {
        DataSourceEventListener throwing = (DataSourceEventListener) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSourceEventListener.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                : method.getName().equals("equals") ? proxy == args[0] : "throwing";
                    }
                    throw new IllegalStateException("listener bug");
                });
        LogCapture log = capture(CallEvents.LOGGER);
        upstream.on("/t", r -> Reply.json("{\"ok\":true}").header("Cache-Control", "max-age=60"));
        TestSource source = new TestSource(config().eventListeners(List.of(throwing, events)).build(), upstream.url());
        long before = CallEvents.listenerFailures();
        assertEquals("{\"ok\":true}", source.doGet("t").as(String.class));
        assertEquals("{\"ok\":true}", source.doGet("t").as(String.class));
        assertTrue(CallEvents.listenerFailures() - before >= 8, "each failure counted");
        assertEquals(2, events.count("callEnd"), "the next listener is still told");
        assertEquals(1, log.messages(Level.FINE).size(), "logged once per listener: " + log.messages(Level.FINE));
    }

    @Test
    void withoutListenersAndWithTheLogsOffNoEventIsBuilt() {
        Logger.getLogger(FailureLog.LOGGER).setLevel(Level.INFO);
        Logger.getLogger(DecisionLog.LOGGER).setLevel(Level.INFO);
        Pipeline pipeline = new Pipeline(List.of());
        assertSame(CallEvents.NONE, pipeline.eventsFor());
        Logger.getLogger(DecisionLog.LOGGER).setLevel(Level.FINE);
        try {
            assertFalse(pipeline.eventsFor() == CallEvents.NONE, "the decision log turns events on");
        } finally {
            Logger.getLogger(DecisionLog.LOGGER).setLevel(null);
            Logger.getLogger(FailureLog.LOGGER).setLevel(null);
        }
    }

    @Test
    void theDecisionLogWritesOneLinePerCallWithTheReason() {
        LogCapture log = capture(DecisionLog.LOGGER);
        upstream.on("/m", r -> Reply.json("{}").header("Cache-Control", "max-age=60"));
        upstream.on("/p", r -> Reply.json("{}").header("Cache-Control", "private"));
        TestSource source = new TestSource(DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).clock(clock).build(),
                upstream.url());
        source.doGet("m").param("key", "s3cret").as(String.class);
        source.doGet("m").param("key", "s3cret").as(String.class);
        source.doGet("p").as(String.class);
        List<String> lines = log.messages(Level.FINE);
        assertEquals(3, lines.size(), lines::toString);
        String m = "TestSource GET " + upstream.url() + "m?key=*** -> 200, cache ";
        assertTrue(lines.get(0).startsWith(m + "MISS (stored for PT1M), store "), lines.get(0));
        assertTrue(lines.get(1).startsWith(m + "HIT (fresh), store "), lines.get(1));
        assertTrue(lines.get(2).startsWith("TestSource GET " + upstream.url() + "p -> 200, cache UNCACHEABLE (not stored: private"
                + " response), store "), lines.get(2));
        assertTrue(lines.get(2).matches(".*, upstream \\d+\\.\\d ms, total \\d+\\.\\d ms"), lines.get(2));
    }

    private LogCapture capture(String logger) {
        LogCapture log = LogCapture.start(logger, Level.FINE);
        logs.add(log);
        return log;
    }

    /** Records each event as a short line; thread-safe. */
    private static final class Recorder implements DataSourceEventListener {
        private final List<String> lines = new CopyOnWriteArrayList<>();
        final List<CallInfo> infos = new CopyOnWriteArrayList<>();

        List<String> all() {
            return List.copyOf(lines);
        }

        void clear() {
            lines.clear();
            infos.clear();
        }

        long count(String prefix) {
            return lines.stream().filter(l -> l.startsWith(prefix)).count();
        }

        /** Waits (up to 10 s) until an event matches, for the writes that end in the background. */
        List<String> waitFor(Predicate<String> event) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines.stream().noneMatch(event)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no such event in " + lines);
                }
                Thread.onSpinWait();
            }
            return all();
        }

        @Override
        public void callStart(CallInfo call) {
            infos.add(call);
            lines.add("callStart " + call.dataSource() + " " + call.method() + " " + call.path() + " " + call.url());
        }

        @Override
        public void deduplicated(CallInfo call) {
            lines.add("deduplicated");
        }

        @Override
        public void cacheLookup(CallInfo call, CacheOutcome outcome, String reason) {
            lines.add("cacheLookup " + outcome + " " + reason);
        }

        @Override
        public void storeRead(CallInfo call, Duration latency, StoreFailure failure) {
            lines.add("storeRead " + (failure == null ? "ok" : failure));
        }

        @Override
        public void storeWrite(CallInfo call, Duration latency, StoreFailure failure) {
            lines.add("storeWrite " + (failure == null ? "ok" : failure));
        }

        @Override
        public void upstreamRequest(CallInfo call, String method, String url) {
            lines.add("upstreamRequest " + method + " " + url);
        }

        @Override
        public void upstreamResponse(CallInfo call, int status, Duration latency, long bytes) {
            lines.add("upstreamResponse " + status + " " + bytes + " bytes");
        }

        @Override
        public void upstreamFailed(CallInfo call, Duration latency, Throwable error) {
            lines.add("upstreamFailed " + error.getClass().getSimpleName());
        }

        @Override
        public void redirect(CallInfo call, int status, String location) {
            lines.add("redirect " + status + " " + location);
        }

        @Override
        public void callFailed(CallInfo call, String errorCode, RuntimeException error) {
            if (infos.isEmpty()) {
                infos.add(call);
            }
            lines.add("callFailed " + errorCode);
        }

        @Override
        public void callEnd(CallInfo call, CallSummary s) {
            StringBuilder line = new StringBuilder("callEnd ").append(s.status());
            if (!s.succeeded()) {
                line.append(" failed ").append(s.errorCode());
            }
            if (s.deduplicated()) {
                line.append(" deduplicated");
            }
            if (s.cacheOutcome() != null) {
                line.append(' ').append(s.cacheOutcome()).append(" store");
            }
            if (!s.upstreamTime().isZero()) {
                line.append(" upstream");
            }
            lines.add(line.toString());
        }
    }
}

package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.Headers;
import dev.restdatasource.backend.Ttl;
import dev.restdatasource.internal.support.HostileUpstream;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.spi.TransportRequest;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The request timeout bounds the whole upstream exchange, headers and body, for sync and async calls, whatever the
 * transport does; response bodies are read up to the configured or per-call limit. The wall-clock bounds here only
 * guard against a hang; the assertions are on the codes.
 */
class DeadlineTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static DataSourceConfig.Builder config() {
        return DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).requestTimeout(Duration.ofSeconds(1));
    }

    @Test
    void aDrippingBodyTimesOutInASyncCall() {
        try (HostileUpstream upstream = new HostileUpstream(HostileUpstream.dripping(1000, 200))) {
            TestSource source = new TestSource(config().build(), upstream.url());
            DataSourceException e = assertTimeoutPreemptively(HANG_GUARD,
                    () -> assertThrows(DataSourceException.class, () -> source.doGet("slow").as(String.class)));
            assertEquals(ErrorCode.UPSTREAM_TIMEOUT, e.code());
        }
    }

    @Test
    void aDrippingBodyTimesOutInAnAsyncCall() {
        try (HostileUpstream upstream = new HostileUpstream(HostileUpstream.dripping(1000, 200))) {
            TestSource source = new TestSource(config().build(), upstream.url());
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> source.doGet("slow").asAsync(String.class).toCompletableFuture().get(60, TimeUnit.SECONDS));
            assertEquals(ErrorCode.UPSTREAM_TIMEOUT, assertInstanceOf(DataSourceException.class, e.getCause()).code());
        }
    }

    /**
     * Polls until {@code sent} is cancelled: the caller may see the timeout just before the engine cancels the
     * transport's stage. The deadline ({@link #HANG_GUARD}) only guards against a hang.
     */
    private static void awaitCancelled(CompletableFuture<?> sent) throws InterruptedException {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (!sent.isCancelled() && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        assertTrue(sent.isCancelled(), "the transport's stage is cancelled");
    }

    @Test
    void aTransportThatNeverAnswersTimesOutAndIsCancelled() throws InterruptedException {
        List<CompletableFuture<DataSourceResponse>> sent = new CopyOnWriteArrayList<>();
        TestSource source = new TestSource(config().requestTimeout(Duration.ofMillis(200)).transport(request -> {
            CompletableFuture<DataSourceResponse> never = new CompletableFuture<>();
            sent.add(never);
            return never;
        }).build(), "http://127.0.0.1:9/");
        DataSourceException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(DataSourceException.class, () -> source.doGet("x").as(String.class)));
        assertEquals(ErrorCode.UPSTREAM_TIMEOUT, e.code());
        awaitCancelled(sent.get(0));
        ExecutionException async = assertThrows(ExecutionException.class,
                () -> source.doGet("y").asAsync(String.class).toCompletableFuture().get(60, TimeUnit.SECONDS));
        assertEquals(ErrorCode.UPSTREAM_TIMEOUT, assertInstanceOf(DataSourceException.class, async.getCause()).code());
        awaitCancelled(sent.get(1));
    }

    @Test
    void anAnswerInTimeIsUntouched() {
        // a generous timeout: the answer is in time on any machine, the test is about it passing through untouched
        TestSource source = new TestSource(config().requestTimeout(Duration.ofSeconds(30)).transport(request -> CompletableFuture.supplyAsync(
                () -> DataSourceResponse.builder().url(request.uri()).status(200).statusText("OK").body("fine".getBytes())
                        .build())).build(), "http://127.0.0.1:9/");
        assertEquals("fine", source.doGet("x").as(String.class));
    }

    @Test
    void anEndlessBodyFailsTheCallWithTheConfiguredLimit() {
        try (HostileUpstream upstream = new HostileUpstream(HostileUpstream.endlessChunked())) {
            TestSource source = new TestSource(config().requestTimeout(Duration.ofSeconds(60)).maxResponseBytes(256 * 1024)
                    .build(), upstream.url());
            DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("big").as(String.class));
            assertEquals(ErrorCode.INVALID_UPSTREAM_RESPONSE, e.code());
            assertTrue(e.getMessage().contains("262144 bytes"), e.getMessage());
        }
    }

    @Test
    void aCallsOwnLimitWinsOverTheConfiguration() {
        byte[] body = new byte[3000];
        try (HostileUpstream upstream = new HostileUpstream(HostileUpstream.chunked(body))) {
            TestSource source = new TestSource(config().requestTimeout(Duration.ofSeconds(60)).maxResponseBytes(1000)
                    .build(), upstream.url());
            assertEquals(3000, source.doGet("a").maxResponseBytes(3000).fetch().bodyLength());
            DataSourceException e = assertThrows(DataSourceException.class, () -> source.doGet("b").fetch());
            assertEquals(ErrorCode.INVALID_UPSTREAM_RESPONSE, e.code());
        }
    }

    @Test
    void aTimeoutTooLongForNanosecondsWaitsAsLongAsALongAllows() {
        assertEquals(Long.MAX_VALUE, Ttl.toNanos(ChronoUnit.FOREVER.getDuration()));
        assertEquals(1_000_000L, Ttl.toNanos(Duration.ofMillis(1)));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> DataSourceConfig.builder().maxResponseBytes(0));
        assertThrows(IllegalArgumentException.class, () -> new DataSourceRequest("GET", List.of()).maxResponseBytes(-1L));
        assertThrows(IllegalArgumentException.class, () -> new TransportRequest("GET", URI.create("http://127.0.0.1/"),
                Headers.builder().build(), null, Duration.ofSeconds(1), 0));
        assertEquals(DataSourceConfig.DEFAULT_MAX_RESPONSE_BYTES, new TransportRequest("GET", URI.create("http://127.0.0.1/"),
                Headers.builder().build(), null, Duration.ofSeconds(1)).maxResponseBytes());
        assertEquals(8L << 20, DataSourceConfig.defaults().maxResponseBytes());
        assertEquals(5L, DataSourceConfig.defaults().toBuilder().maxResponseBytes(5).build().toBuilder().build().maxResponseBytes());
    }
}

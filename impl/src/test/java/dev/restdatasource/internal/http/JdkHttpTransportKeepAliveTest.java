package dev.restdatasource.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.internal.bridge.Failures;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.spi.TransportRequest;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Requests on kept-alive connections that a real upstream ended at its idle timeout (1 second): a request that must
 * not be sent twice never goes out on a connection idle for longer than the transport's limit, so it reaches the
 * upstream exactly once; a repeatable one (idempotent method, Idempotency-Key) that met an ended connection is sent
 * once more; nothing else is ever sent twice. The transport's clock is the test's: the test moves it past the limit
 * after the upstream reports the idle timeout, so no assertion depends on how long anything took.
 */
class JdkHttpTransportKeepAliveTest {
    private static final Duration LIMIT = JdkHttpTransport.DEFAULT_MAX_IDLE;

    private final AtomicLong nanoTime = new AtomicLong();
    private final JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(10), null, null,
            JdkHttpTransport.DEFAULT_MAX_IN_FLIGHT, LIMIT, nanoTime::get);
    private KeepAliveUpstream upstream;

    @AfterEach
    void stopUpstream() throws IOException {
        if (upstream != null) {
            upstream.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeepAliveUpstream.Mode.class, names = {"CLOSES", "DROPS_SILENTLY"})
    void postAfterTheUpstreamsIdleTimeoutReachesItExactlyOnce(KeepAliveUpstream.Mode mode) throws Exception {
        upstream = new KeepAliveUpstream(mode);
        assertEquals(200, send("POST", "first", Headers.empty()).status());
        upstream.awaitIdleTimeout();
        idleFor(LIMIT.plusSeconds(1));

        assertEquals(200, send("POST", "second", Headers.empty()).status());
        assertEquals(List.of("POST first", "POST second"), upstream.received());
        assertEquals(0, upstream.refused());
    }

    @Test
    void aDataSourcesPostAfterTheUpstreamsIdleTimeoutIsAnsweredNotUpstreamUnavailable() throws Exception {
        upstream = new KeepAliveUpstream(KeepAliveUpstream.Mode.DROPS_SILENTLY);
        DataSourceConfig config = DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).transport(transport).build();
        TestSource source = new TestSource(config, upstream.url() + "/");
        assertEquals(200, source.doPost("orders").body("first").fetch().status());
        upstream.awaitIdleTimeout();
        idleFor(LIMIT.plusSeconds(1));

        assertEquals(200, source.doPost("orders").body("second").fetch().status());
        assertEquals(List.of("POST first", "POST second"), upstream.received());
    }

    @Test
    void patchAfterTheUpstreamDroppedTheConnectionReachesItExactlyOnce() throws Exception {
        upstream = new KeepAliveUpstream(KeepAliveUpstream.Mode.DROPS_SILENTLY);
        assertEquals(200, send("PATCH", "first", Headers.empty()).status());
        upstream.awaitIdleTimeout();
        idleFor(LIMIT.plusSeconds(1));

        assertEquals(200, send("PATCH", "second", Headers.empty()).status());
        assertEquals(List.of("PATCH first", "PATCH second"), upstream.received());
    }

    @Test
    void postOnAConnectionIdleWithinTheLimitIsNotSentAgainWhenItMeetsADroppedConnection() throws Exception {
        // The upstream ends connections sooner than the transport's limit: the one case the limit cannot cover.
        upstream = new KeepAliveUpstream(KeepAliveUpstream.Mode.DROPS_SILENTLY);
        assertEquals(200, send("POST", "first", Headers.empty()).status());
        upstream.awaitIdleTimeout();

        CompletionException failure = assertThrows(CompletionException.class, () -> send("POST", "second", Headers.empty()));
        assertInstanceOf(IOException.class, Failures.unwrap(failure));
        assertEquals(List.of("POST first"), upstream.received());
        assertEquals(1, upstream.refused());
    }

    @Test
    void putThatMetADroppedConnectionIsSentOnceMoreOnAnother() throws Exception {
        upstream = new KeepAliveUpstream(KeepAliveUpstream.Mode.DROPS_SILENTLY);
        assertEquals(200, send("PUT", "first", Headers.empty()).status());
        upstream.awaitIdleTimeout();

        assertEquals(200, send("PUT", "second", Headers.empty()).status());
        assertEquals(List.of("PUT first", "PUT second"), upstream.received());
        assertEquals(1, upstream.refused());
    }

    @Test
    void postWithAnIdempotencyKeyThatMetADroppedConnectionIsSentOnceMore() throws Exception {
        upstream = new KeepAliveUpstream(KeepAliveUpstream.Mode.DROPS_SILENTLY);
        Headers keyed = Headers.of("Idempotency-Key", "order-42");
        assertEquals(200, send("POST", "first", keyed).status());
        upstream.awaitIdleTimeout();

        assertEquals(200, send("POST", "second", keyed).status());
        assertEquals(List.of("POST first", "POST second"), upstream.received());
        assertEquals(1, upstream.refused());
    }

    @Test
    void postThatTheUpstreamReadButNeverAnsweredIsNotSentAgain() throws Exception {
        upstream = new KeepAliveUpstream(KeepAliveUpstream.Mode.NEVER_ANSWERS);

        CompletionException failure = assertThrows(CompletionException.class, () -> send("POST", "once", Headers.empty()));
        assertInstanceOf(IOException.class, Failures.unwrap(failure));
        assertEquals(List.of("POST once"), upstream.received());
    }

    @Test
    void putThatTheUpstreamReadButNeverAnsweredIsSentOnceMoreOnly() throws Exception {
        upstream = new KeepAliveUpstream(KeepAliveUpstream.Mode.NEVER_ANSWERS);

        CompletionException failure = assertThrows(CompletionException.class, () -> send("PUT", "twice", Headers.empty()));
        assertInstanceOf(IOException.class, Failures.unwrap(failure));
        assertEquals(List.of("PUT twice", "PUT twice"), upstream.received());
    }

    private void idleFor(Duration duration) {
        nanoTime.addAndGet(duration.toNanos());
    }

    private DataSourceResponse send(String method, String body, Headers headers) {
        TransportRequest request = new TransportRequest(method, URI.create(upstream.url() + "/orders"), headers,
                body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
        return transport.send(request).toCompletableFuture().join();
    }
}

package dev.restdatasource.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.Headers;
import dev.restdatasource.internal.support.HostileUpstream;
import dev.restdatasource.spi.TransportRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** The default transport reads a body up to the request's limit and stops an exchange whose stage is cancelled. */
class JdkHttpTransportLimitsTest {
    private static final long MIB = 1024 * 1024;

    private final JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(10));

    private static TransportRequest request(String method, HostileUpstream upstream, long limit) {
        return new TransportRequest(method, URI.create(upstream.url() + "x"), Headers.builder().build(), null,
                Duration.ofSeconds(60), limit);
    }

    private DataSourceResponse answer(TransportRequest request) throws Exception {
        return transport.send(request).toCompletableFuture().get(60, TimeUnit.SECONDS); // a hang guard only
    }

    private DataSourceException failure(TransportRequest request) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> answer(request));
        return assertInstanceOf(DataSourceException.class, e.getCause());
    }

    /** Polls until {@code count} is at least 1; the deadline only guards against a hang. */
    private static void awaitOne(IntSupplier count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count.getAsInt() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, count.getAsInt());
    }

    @Test
    void aContentLengthOverTheLimitFailsBeforeTheBodyIsReadAndClosesTheConnection() throws Exception {
        try (HostileUpstream upstream = new HostileUpstream(HostileUpstream.hugeContentLength(1L << 30))) {
            DataSourceException e = failure(request("GET", upstream, MIB));
            assertEquals(ErrorCode.INVALID_UPSTREAM_RESPONSE, e.code());
            assertEquals(0, e.status());
            assertTrue(e.getMessage().startsWith("Upstream response too large: GET "), e.getMessage());
            assertTrue(e.getMessage().endsWith("over the limit of 1048576 bytes"), e.getMessage());
            awaitOne(upstream::abandoned);
        }
    }

    @Test
    void anEndlessChunkedBodyFailsOnceItPassesTheLimitAndClosesTheConnection() throws Exception {
        try (HostileUpstream upstream = new HostileUpstream(HostileUpstream.endlessChunked())) {
            assertEquals(ErrorCode.INVALID_UPSTREAM_RESPONSE, failure(request("GET", upstream, MIB)).code());
            awaitOne(upstream::abandoned);
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIsNot() throws Exception {
        byte[] body = new byte[5000];
        Arrays.fill(body, (byte) 'a');
        try (HostileUpstream upstream = new HostileUpstream(HostileUpstream.chunked(body))) {
            assertArrayEquals(body, answer(request("GET", upstream, 5000)).body());
            assertEquals(ErrorCode.INVALID_UPSTREAM_RESPONSE, failure(request("GET", upstream, 4999)).code());
        }
    }

    @Test
    void aHeadAnswerMayAnnounceAnyLength() throws Exception {
        HostileUpstream.Behaviour head = (requestHead, out) -> out.write(
                "HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        try (HostileUpstream upstream = new HostileUpstream(head)) {
            DataSourceResponse response = answer(request("HEAD", upstream, 10));
            assertEquals(200, response.status());
            assertEquals(0, response.bodyLength());
        }
    }

    @Test
    void cancellingTheStageStopsTheExchangeAndClosesTheConnection() throws Exception {
        try (HostileUpstream upstream = new HostileUpstream(HostileUpstream.dripping(100_000, 50))) {
            CompletableFuture<DataSourceResponse> sent = transport.send(request("GET", upstream, MIB)).toCompletableFuture();
            awaitOne(upstream::requests);
            assertTrue(sent.cancel(true));
            awaitOne(upstream::abandoned);
        }
    }

    @Test
    void aHeaderValueTheClientRefusesIsNamedButNotShown() {
        TransportRequest request = new TransportRequest("GET", URI.create("http://127.0.0.1:9/x"),
                Headers.of("X-Api-Key", "s3cret\u0001value"), null, Duration.ofSeconds(60));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> transport.send(request));
        assertEquals("The HTTP client refused the value of request header x-api-key", e.getMessage());
    }
}

package dev.restdatasource.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.spi.TransportRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A burst of calls through the default transport never has more exchanges open than its limit: the rest wait, in
 * order, and are all answered; a call cancelled while it waits never reaches the upstream. The upstream holds every
 * exchange until the test lets it go, so nothing here depends on timing.
 */
class JdkHttpTransportInFlightTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    private ExecutorService serverThreads;
    private HttpServer upstream;

    @BeforeEach
    void startUpstream() throws IOException {
        serverThreads = Executors.newCachedThreadPool();
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.setExecutor(serverThreads);
        upstream.createContext("/", this::serve);
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        release.countDown();
        upstream.stop(0);
        serverThreads.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            paths.add(exchange.getRequestURI().getPath());
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            try {
                release.await(60, TimeUnit.SECONDS); // a hang guard only
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            open.decrementAndGet();
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private CompletableFuture<DataSourceResponse> call(JdkHttpTransport transport, int n) {
        URI uri = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/" + n);
        return transport.send(new TransportRequest("GET", uri, Headers.empty(), null, Duration.ofSeconds(60))).toCompletableFuture();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a hang guard only
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached in 60 s");
    }

    @Test
    void aBurstOfCallsHasAtMostTheLimitOpenAndEveryCallIsAnswered() throws Exception {
        JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(10), null, null, 3);
        List<CompletableFuture<DataSourceResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(call(transport, i));
        }
        await(() -> open.get() == 3 && transport.waitingCalls() == 17);

        release.countDown();
        for (CompletableFuture<DataSourceResponse> c : calls) {
            assertEquals(200, c.get(60, TimeUnit.SECONDS).status());
        }
        assertEquals(3, mostOpen.get());
        assertEquals(20, paths.size());
    }

    @Test
    void aCallCancelledWhileItWaitsIsNeverSent() throws Exception {
        JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(10), null, null, 1);
        CompletableFuture<DataSourceResponse> first = call(transport, 1);
        await(() -> open.get() == 1);
        CompletableFuture<DataSourceResponse> cancelled = call(transport, 2);
        CompletableFuture<DataSourceResponse> third = call(transport, 3);
        assertEquals(2, transport.waitingCalls());
        cancelled.cancel(true); // what the pipeline does when the call's deadline passes

        release.countDown();
        assertEquals(200, first.get(60, TimeUnit.SECONDS).status());
        assertEquals(200, third.get(60, TimeUnit.SECONDS).status());
        assertEquals(Set.of("/1", "/3"), paths);
    }
}

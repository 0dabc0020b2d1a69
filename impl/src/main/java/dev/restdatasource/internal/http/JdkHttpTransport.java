package dev.restdatasource.internal.http;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.internal.concurrent.DaemonThreads;
import dev.restdatasource.spi.Transport;
import dev.restdatasource.spi.TransportRequest;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import javax.net.ssl.SSLContext;

/**
 * The default transport: the JDK {@link HttpClient}, HTTP/1.1, connection pooling, a connect timeout and
 * a per-request timeout, redirects left to the pipeline. Thread-safe; share one instance.
 *
 * <p>On JDK 17, {@code HttpClient.sendAsync} hands every completion to {@code CompletableFuture}'s default
 * executor, which starts a new thread per task when the common pool has fewer than two workers (machines
 * with two cores or fewer). There this transport runs the blocking {@code send} on its own pool of reused
 * daemon threads instead; elsewhere it uses {@code sendAsync}.
 *
 * <p>At most {@link #DEFAULT_MAX_IN_FLIGHT} exchanges (or the number given at creation) run at once, so a burst of
 * calls never starts more threads or connections than that; further calls queue in arrival order and start as
 * exchanges end. A call cancelled while it waits is never sent.
 *
 * <p>A response body is read up to {@link TransportRequest#maxResponseBytes()} ({@link BoundedBody}); cancelling the
 * returned stage (the pipeline does when the call's deadline passes) stops the exchange and closes its connection.
 */
public final class JdkHttpTransport implements Transport {
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final boolean ASYNC_POOL_STARTS_THREADS = ForkJoinPool.getCommonPoolParallelism() < 2;

    /** Default number of exchanges one transport runs at once; more wait for a free slot. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;

    private final HttpClient client;
    private final Executor blockingPool;
    private final InFlightLimit inFlight;

    private JdkHttpTransport(HttpClient client, int maxInFlight) {
        this.client = Objects.requireNonNull(client, "client");
        this.inFlight = new InFlightLimit(maxInFlight);
        this.blockingPool = ASYNC_POOL_STARTS_THREADS ? Executors.newCachedThreadPool(DaemonThreads.named("restdatasource-http")) : null;
    }

    /** Creates a transport with its own client: HTTP/1.1, no redirects, the given connect timeout. */
    public static JdkHttpTransport create(Duration connectTimeout) {
        return create(connectTimeout, null, null);
    }

    /**
     * Creates a transport with its own client as {@link #create(Duration)} does, with an SSL context and a proxy
     * selector when not null.
     */
    public static JdkHttpTransport create(Duration connectTimeout, SSLContext sslContext, ProxySelector proxy) {
        return create(connectTimeout, sslContext, proxy, DEFAULT_MAX_IN_FLIGHT);
    }

    /**
     * Creates a transport as {@link #create(Duration, SSLContext, ProxySelector)} does that runs at most
     * {@code maxInFlight} exchanges at once: further calls wait in arrival order (their deadline still runs).
     */
    public static JdkHttpTransport create(Duration connectTimeout, SSLContext sslContext, ProxySelector proxy, int maxInFlight) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        if (proxy != null) {
            builder.proxy(proxy);
        }
        return new JdkHttpTransport(builder.build(), maxInFlight);
    }

    /** Creates a transport on the caller's client; it should not follow redirects (the pipeline does). */
    public static JdkHttpTransport using(HttpClient client) {
        return new JdkHttpTransport(client, DEFAULT_MAX_IN_FLIGHT);
    }

    /** The number of calls waiting for an in-flight slot (for tests). */
    int waitingCalls() {
        return inFlight.waiting();
    }

    /** Returns the client's connect timeout, if it has one. */
    public Optional<Duration> connectTimeout() {
        return client.connectTimeout();
    }

    @Override
    public CompletionStage<DataSourceResponse> send(TransportRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        builder.method(request.method(), request.body() == null || request.body().length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, List<String>> field : request.headers().asMap().entrySet()) {
            if (!RESTRICTED.contains(field.getKey())) {
                for (String value : field.getValue()) {
                    addHeader(builder, field.getKey(), value);
                }
            }
        }
        HttpRequest httpRequest = builder.build();
        BoundedBody body = new BoundedBody(request.method(), request.uri(), request.maxResponseBytes());
        CompletableFuture<HttpResponse<byte[]>> exchange = new CompletableFuture<>();
        inFlight.submit(() -> exchange.isDone() ? null : start(httpRequest, body, exchange)); // done: cancelled while waiting
        CompletableFuture<DataSourceResponse> result = new CompletableFuture<>();
        exchange.whenComplete((response, error) -> {
            if (error == null) {
                result.complete(DataSourceResponse.builder()
                        .url(request.uri())
                        .status(response.statusCode())
                        .statusText(StatusTexts.of(response.statusCode()))
                        .headers(headersOf(response))
                        .body(response.body())
                        .build());
            } else {
                // The client wraps a body's failure (in an IOException for send); report the body's own reason.
                Throwable own = body.failure();
                result.completeExceptionally(own != null ? own : error);
            }
        });
        // The pipeline cancels the stage when the call's deadline passes: stop the exchange and close its connection.
        result.whenComplete((response, error) -> {
            if (result.isCancelled()) {
                body.abort(new HttpTimeoutException("The call was cancelled"));
                exchange.cancel(true);
            }
        });
        return result;
    }

    /** Adds one header; the JDK's refusal of a value is rethrown with a message that names the header, not the value. */
    private static void addHeader(HttpRequest.Builder builder, String name, String value) {
        try {
            builder.header(name, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The HTTP client refused the value of request header " + name);
        }
    }

    /**
     * Sends {@code httpRequest} and completes {@code exchange} with its outcome; returns the stage whose end frees the
     * in-flight slot: the client's own, or on the blocking pool the end of the thread's work (a cancelled blocking
     * send goes on until the client gives up, and keeps its slot until then). Cancelling {@code exchange} cancels the
     * client's stage.
     */
    private CompletableFuture<?> start(HttpRequest httpRequest, BoundedBody body, CompletableFuture<HttpResponse<byte[]>> exchange) {
        CompletableFuture<HttpResponse<byte[]>> sent;
        CompletableFuture<?> slot;
        if (blockingPool == null) {
            sent = sendAsync(httpRequest, body);
            slot = sent;
        } else {
            sent = new CompletableFuture<>();
            slot = sendOnPool(httpRequest, body, sent);
        }
        sent.whenComplete((response, error) -> {
            if (error == null) {
                exchange.complete(response);
            } else {
                exchange.completeExceptionally(error);
            }
        });
        exchange.whenComplete((response, error) -> {
            if (exchange.isCancelled()) {
                sent.cancel(true);
            }
        });
        return slot;
    }

    private CompletableFuture<HttpResponse<byte[]>> sendAsync(HttpRequest httpRequest, BoundedBody body) {
        try {
            return client.sendAsync(httpRequest, body);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Runs the blocking {@code send} on the transport's pool (see the class comment for why), completing {@code sent}
     * with its outcome; returns a stage that completes when the thread is done.
     */
    private CompletableFuture<?> sendOnPool(HttpRequest httpRequest, BoundedBody body, CompletableFuture<HttpResponse<byte[]>> sent) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        blockingPool.execute(() -> {
            try {
                sent.complete(client.send(httpRequest, body));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sent.completeExceptionally(e);
            } catch (IOException | RuntimeException e) {
                sent.completeExceptionally(e);
            } finally {
                finished.complete(null);
            }
        });
        return finished;
    }

    private static Headers headersOf(HttpResponse<?> response) {
        Headers.Builder headers = Headers.builder();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(value -> headers.add(name, value));
            }
        });
        return headers.build();
    }
}

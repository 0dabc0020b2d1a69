package dev.restdatasource.internal.http;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
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
 * <p>A response body is read up to {@link TransportRequest#maxResponseBytes()} ({@link BoundedBody}); cancelling the
 * returned stage (the pipeline does when the call's deadline passes) stops the exchange and closes its connection.
 */
public final class JdkHttpTransport implements Transport {
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final boolean ASYNC_POOL_STARTS_THREADS = ForkJoinPool.getCommonPoolParallelism() < 2;

    private final HttpClient client;
    private final Executor blockingPool;

    private JdkHttpTransport(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.blockingPool = ASYNC_POOL_STARTS_THREADS ? Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "restdatasource-http");
            thread.setDaemon(true);
            return thread;
        }) : null;
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
        return new JdkHttpTransport(builder.build());
    }

    /** Creates a transport on the caller's client; it should not follow redirects (the pipeline does). */
    public static JdkHttpTransport using(HttpClient client) {
        return new JdkHttpTransport(client);
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
                    builder.header(field.getKey(), value);
                }
            }
        }
        HttpRequest httpRequest = builder.build();
        BoundedBody body = new BoundedBody(request.method(), request.uri(), request.maxResponseBytes());
        CompletableFuture<HttpResponse<byte[]>> exchange;
        if (blockingPool == null) {
            exchange = client.sendAsync(httpRequest, body);
        } else {
            exchange = new CompletableFuture<>();
            blockingPool.execute(() -> {
                try {
                    exchange.complete(client.send(httpRequest, body));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.completeExceptionally(e);
                } catch (IOException | RuntimeException e) {
                    exchange.completeExceptionally(e);
                }
            });
        }
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

package dev.restdatasource.internal.http;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.internal.bridge.Failures;
import dev.restdatasource.internal.concurrent.DaemonThreads;
import dev.restdatasource.spi.Transport;
import dev.restdatasource.spi.TransportRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
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
 *
 * <p><b>Connections the server closed while idle.</b> A server closes a kept-alive connection after its own idle
 * timeout (Node.js and Apache httpd after 5 seconds, nginx after 75, load balancers often after 60, some silently).
 * The JDK client notices a close that arrives while the connection sits in its pool, but a request sent as the close
 * is on its way, or on a connection a load balancer forgot without a word, fails with "header parser received no
 * bytes" or a reset, and nothing tells whether the server saw the request: the JDK does not say whether the
 * connection was reused, and a server that read the request and then died looks the same. The JDK repeats GET and
 * HEAD itself and nothing else; the system property that shortens its pooling ({@code jdk.httpclient.keepalive.timeout})
 * applies to every client in the JVM, so a library must not set it. This transport therefore:
 * <ul>
 *   <li>sends a request once more, on another connection, when the connection closed or reset before any response
 *       arrived and the request may be repeated: an idempotent method (GET, HEAD, OPTIONS, TRACE, PUT, DELETE; RFC
 *       9110 section 9.2.2) or any request with an {@code Idempotency-Key} header;</li>
 *   <li>never sends another request twice (POST, PATCH, ...: RFC 9112 section 9.3.1 forbids repeating it when the
 *       client cannot know that the server did not act on it), and instead keeps it off connections idle for longer
 *       than {@link #DEFAULT_MAX_IDLE}: when the client's pool may hold such a connection ({@link IdleConnections}),
 *       the request goes out on a new client of the same settings, whose connections are all fresh, and the old
 *       client takes no new exchange. The JDK 17 client has no per-client idle limit, nor a way to drop one
 *       connection; replacing the client is the only library-local way. A replaced client is closed once its
 *       exchanges end where the JDK can close one (Java 21 and later); on Java 17 its selector thread ends when the
 *       garbage collector reclaims it, and while {@value RetiredClients#MAX_UNCOLLECTED} replaced clients still wait
 *       for that, the current client is kept (and the protection lapses) rather than hold more threads.</li>
 * </ul>
 * A transport {@linkplain #using using the caller's client} never replaces it: the caller owns its pool.
 */
public final class JdkHttpTransport implements Transport {
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final boolean ASYNC_POOL_STARTS_THREADS = ForkJoinPool.getCommonPoolParallelism() < 2;

    /** Default number of exchanges one transport runs at once; more wait for a free slot. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;

    /**
     * Default longest idle time after which a pooled connection still carries a request that must not be sent twice:
     * 4 seconds, below the shortest keep-alive timeout common servers use (Node.js and Apache httpd close idle
     * connections after 5 seconds, nginx after 75, most load balancers after 60). Not a setting: the default
     * transport is shared by every data source of the JVM, a shorter limit than needed costs only a new connection
     * after a lull, and upstreams that close sooner are covered for repeatable requests by the repeat.
     */
    public static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(4);

    /**
     * Methods that a client may send again after a failure (RFC 9110 section 9.2.2): GET, HEAD, OPTIONS, TRACE, PUT
     * and DELETE.
     */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    /** The request header that makes any request safe to send again (an idempotency key the server honours). */
    private static final String IDEMPOTENCY_KEY = "idempotency-key";

    /** The pool key of plain http requests when a proxy may carry them: the JDK pools those per proxy. */
    private static final String PLAIN_VIA_PROXY = "http via proxy";

    private final Supplier<HttpClient> newClient;
    private final boolean proxied;
    private final Duration maxIdle;
    private final LongSupplier nanoTime;
    private final RetiredClients retired = new RetiredClients();
    private final Executor blockingPool;
    private final InFlightLimit inFlight;
    private volatile Generation current;

    /** One client of this transport and the record of its idle connections. */
    private static final class Generation {
        final HttpClient client;
        final IdleConnections idle;

        Generation(HttpClient client, IdleConnections idle) {
            this.client = client;
            this.idle = idle;
        }
    }

    /** One call: its request, body reader, pool key, and the stage that ends with the client's answer. */
    private static final class Exchange {
        final HttpRequest request;
        final BoundedBody body;
        final String pool;
        final boolean repeatable;
        final CompletableFuture<HttpResponse<byte[]>> outcome = new CompletableFuture<>();

        Exchange(HttpRequest request, BoundedBody body, String pool, boolean repeatable) {
            this.request = request;
            this.body = body;
            this.pool = pool;
            this.repeatable = repeatable;
        }
    }

    /**
     * Creates a transport. {@code newClient} is null when the client is the caller's: it is then never replaced, and
     * requests that must not be sent twice get no protection from idle connections.
     */
    JdkHttpTransport(HttpClient client, Supplier<HttpClient> newClient, boolean proxied, int maxInFlight, Duration maxIdle,
                     LongSupplier nanoTime) {
        this.newClient = newClient;
        this.proxied = proxied;
        this.maxIdle = Objects.requireNonNull(maxIdle, "maxIdle");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.current = new Generation(Objects.requireNonNull(client, "client"), new IdleConnections(maxIdle, nanoTime));
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
        return create(connectTimeout, sslContext, proxy, maxInFlight, DEFAULT_MAX_IDLE, System::nanoTime);
    }

    /**
     * Creates a transport as {@link #create(Duration, SSLContext, ProxySelector, int)} does whose requests that must
     * not be sent twice never go out on a connection idle for longer than {@code maxIdle}, measured with
     * {@code nanoTime} ({@link System#nanoTime()} outside tests).
     */
    static JdkHttpTransport create(Duration connectTimeout, SSLContext sslContext, ProxySelector proxy, int maxInFlight,
                                   Duration maxIdle, LongSupplier nanoTime) {
        Supplier<HttpClient> newClient = () -> {
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
            return builder.build();
        };
        return new JdkHttpTransport(newClient.get(), newClient, proxy != null, maxInFlight, maxIdle, nanoTime);
    }

    /**
     * Creates a transport on the caller's client; it should not follow redirects (the pipeline does). The caller's
     * client is never replaced, so its idle connections are its own business (see the class comment).
     */
    public static JdkHttpTransport using(HttpClient client) {
        return new JdkHttpTransport(client, null, client.proxy().isPresent(), DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_IDLE, System::nanoTime);
    }

    /** The number of calls waiting for an in-flight slot (for tests). */
    int waitingCalls() {
        return inFlight.waiting();
    }

    /** Returns the client's connect timeout, if it has one. */
    public Optional<Duration> connectTimeout() {
        return current.client.connectTimeout();
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
        boolean repeatable = IDEMPOTENT.contains(request.method()) || request.headers().contains(IDEMPOTENCY_KEY);
        BoundedBody body = new BoundedBody(request.method(), request.uri(), request.maxResponseBytes());
        Exchange exchange = new Exchange(builder.build(), body, poolOf(request.uri()), repeatable);
        CompletableFuture<HttpResponse<byte[]>> outcome = exchange.outcome;
        inFlight.submit(() -> outcome.isDone() ? null : start(exchange)); // done: cancelled while waiting
        CompletableFuture<DataSourceResponse> result = new CompletableFuture<>();
        outcome.whenComplete((response, error) -> {
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
                outcome.cancel(true);
            }
        });
        return result;
    }

    /** The JDK client's connection pool that a request to {@code uri} uses (see {@link IdleConnections}). */
    private String poolOf(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (proxied && scheme.equals("http")) {
            return PLAIN_VIA_PROXY;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
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
     * Starts {@code exchange} and returns the stage whose end frees the in-flight slot (see {@link #attempt}).
     */
    private CompletableFuture<?> start(Exchange exchange) {
        CompletableFuture<Void> slot = new CompletableFuture<>();
        attempt(exchange, exchange.repeatable, slot);
        return slot;
    }

    /**
     * Sends the exchange's request once and completes its outcome, or, when {@code mayRepeat} and the connection
     * failed before any response arrived, sends it once more; completes {@code slot} when the client is done with the
     * exchange: on the blocking pool that is the end of the thread's work (a cancelled blocking send goes on until
     * the client gives up, and keeps its slot until then). Cancelling the outcome cancels the client's stage.
     *
     * <p>A request that must not be sent twice is sent on a new client when the current one may hand it a connection
     * idle for longer than the limit (see the class comment).
     */
    private void attempt(Exchange exchange, boolean mayRepeat, CompletableFuture<Void> slot) {
        Generation generation = current;
        if (!exchange.repeatable && generation.idle.mayGiveOutIdle(exchange.pool)) {
            generation = replace(generation);
        }
        Generation used = generation;
        used.idle.take(exchange.pool);
        CompletableFuture<HttpResponse<byte[]>> sent;
        CompletableFuture<?> done;
        if (blockingPool == null) {
            sent = sendAsync(used.client, exchange);
            done = sent;
        } else {
            sent = new CompletableFuture<>();
            done = sendOnPool(used.client, exchange, sent);
        }
        exchange.outcome.whenComplete((response, error) -> {
            if (exchange.outcome.isCancelled()) {
                sent.cancel(true);
            }
        });
        // When done completes, sent has completed (it is sent itself, or was completed before the thread's end).
        done.whenComplete((ignored, alsoIgnored) -> sent.whenComplete((response, error) -> {
            if (error == null) {
                if (keepsConnection(response)) {
                    used.idle.giveBack(exchange.pool);
                }
                exchange.outcome.complete(response);
                slot.complete(null);
            } else if (mayRepeat && !exchange.outcome.isDone() && closedBeforeAnswer(Failures.unwrap(error), exchange.body)) {
                attempt(exchange, false, slot);
            } else {
                exchange.outcome.completeExceptionally(error);
                slot.complete(null);
            }
        }));
    }

    /**
     * Returns the transport's client after {@code stale}: a new one, unless another call replaced it already, or too
     * many replaced clients still wait for the garbage collector (then {@code stale} itself).
     */
    private synchronized Generation replace(Generation stale) {
        if (current != stale || newClient == null) {
            return current;
        }
        if (!retired.retire(stale.client)) {
            return stale;
        }
        current = new Generation(newClient.get(), new IdleConnections(maxIdle, nanoTime));
        return current;
    }

    /** Whether the connection of {@code response} went back to the client's pool (HTTP/1.1 without close). */
    private static boolean keepsConnection(HttpResponse<?> response) {
        return response.version() == HttpClient.Version.HTTP_1_1 && response.headers().allValues("connection").stream()
                .noneMatch(value -> value.toLowerCase(Locale.ROOT).contains("close"));
    }

    /**
     * Whether {@code failure} is the connection closing or resetting before any response arrived: not a timeout, not a
     * failed connect (which a repeat would meet again), and no response head read. Only then may a repeatable request
     * be sent once more.
     */
    private static boolean closedBeforeAnswer(Throwable failure, BoundedBody body) {
        return failure instanceof IOException && !(failure instanceof HttpTimeoutException) && !(failure instanceof ConnectException)
                && !body.headersReceived();
    }

    private static CompletableFuture<HttpResponse<byte[]>> sendAsync(HttpClient client, Exchange exchange) {
        try {
            return client.sendAsync(exchange.request, exchange.body);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Runs the blocking {@code send} on the transport's pool (see the class comment for why), completing {@code sent}
     * with its outcome; returns a stage that completes when the thread is done.
     */
    private CompletableFuture<?> sendOnPool(HttpClient client, Exchange exchange, CompletableFuture<HttpResponse<byte[]>> sent) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        blockingPool.execute(() -> {
            try {
                sent.complete(client.send(exchange.request, exchange.body));
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

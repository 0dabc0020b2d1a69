package dev.restdatasource.benchmarks.transports;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.spi.Transport;
import dev.restdatasource.spi.TransportRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A {@link Transport} on Jetty 12's asynchronous {@link HttpClient} (non-blocking I/O, its own bounded thread pool,
 * HTTP/1.1, pooled connections, no redirects), for the transport comparison only. The body is buffered up to
 * {@link TransportRequest#maxResponseBytes()}: a longer one fails the call. Thread-safe.
 */
public final class JettyTransport implements Transport, AutoCloseable {
    private final HttpClient client;

    /** Starts a client with up to {@code maxConnections} connections per destination and at most 16 threads. */
    public JettyTransport(int maxConnections) {
        client = new HttpClient();
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("jetty-client");
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setFollowRedirects(false);
        client.setMaxConnectionsPerDestination(maxConnections);
        client.setUserAgentField(null);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the Jetty client", e);
        }
    }

    @Override
    public CompletionStage<DataSourceResponse> send(TransportRequest request) {
        Request httpRequest = client.newRequest(request.uri()).method(request.method())
                .timeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        httpRequest.headers(fields -> {
            for (Map.Entry<String, List<String>> field : request.headers().asMap().entrySet()) {
                for (String value : field.getValue()) {
                    fields.add(field.getKey(), value);
                }
            }
        });
        if (request.body() != null && request.body().length > 0) {
            httpRequest.body(new BytesRequestContent(request.body()));
        }
        CompletableFuture<DataSourceResponse> result = new CompletableFuture<>();
        httpRequest.send(new BufferingResponseListener((int) Math.min(Integer.MAX_VALUE - 8, request.maxResponseBytes())) {
            @Override
            public void onComplete(org.eclipse.jetty.client.Result outcome) {
                if (outcome.isFailed()) {
                    result.completeExceptionally(outcome.getFailure());
                    return;
                }
                Headers.Builder headers = Headers.builder();
                for (HttpField field : outcome.getResponse().getHeaders()) {
                    headers.add(field.getName(), field.getValue());
                }
                String reason = outcome.getResponse().getReason();
                result.complete(DataSourceResponse.builder().url(request.uri()).status(outcome.getResponse().getStatus())
                        .statusText(reason != null ? reason : "").headers(headers.build()).body(getContent()).build());
            }
        });
        return result;
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}

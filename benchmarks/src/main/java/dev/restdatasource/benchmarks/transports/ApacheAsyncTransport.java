package dev.restdatasource.benchmarks.transports;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.spi.Transport;
import dev.restdatasource.spi.TransportRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * A {@link Transport} on Apache HttpClient 5's asynchronous client (its own I/O reactor, non-blocking, HTTP/1.1 only,
 * pooled connections, no redirects), for the transport comparison only. The whole body is buffered by the client's
 * simple consumer; unlike the default transport it does not stop reading at {@link TransportRequest#maxResponseBytes()}
 * (a production transport would use a bounded consumer). Thread-safe.
 */
public final class ApacheAsyncTransport implements Transport, AutoCloseable {
    private final CloseableHttpAsyncClient client;

    /** Starts a client with one I/O thread per core, up to {@code maxConnections} pooled connections per route. */
    public ApacheAsyncTransport(int maxConnections) {
        client = HttpAsyncClients.custom()
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(maxConnections).setMaxConnTotal(maxConnections).build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofSeconds(10)).build())
                .build();
        client.start();
    }

    @Override
    public CompletionStage<DataSourceResponse> send(TransportRequest request) {
        SimpleRequestBuilder builder = SimpleRequestBuilder.create(request.method()).setUri(request.uri())
                .setVersion(HttpVersion.HTTP_1_1)
                .setRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(request.timeout().toMillis())).build());
        for (Map.Entry<String, List<String>> field : request.headers().asMap().entrySet()) {
            for (String value : field.getValue()) {
                builder.addHeader(field.getKey(), value);
            }
        }
        if (request.body() != null && request.body().length > 0) {
            builder.setBody(request.body(), ContentType.APPLICATION_OCTET_STREAM);
        }
        SimpleHttpRequest httpRequest = builder.build();
        CompletableFuture<DataSourceResponse> result = new CompletableFuture<>();
        client.execute(httpRequest, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                Headers.Builder headers = Headers.builder();
                for (Header header : response.getHeaders()) {
                    headers.add(header.getName(), header.getValue());
                }
                byte[] body = response.getBodyBytes();
                result.complete(DataSourceResponse.builder().url(request.uri()).status(response.getCode())
                        .statusText(response.getReasonPhrase() != null ? response.getReasonPhrase() : "")
                        .headers(headers.build()).body(body != null ? body : new byte[0]).build());
            }

            @Override
            public void failed(Exception e) {
                result.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
                result.completeExceptionally(new IOException("cancelled"));
            }
        });
        return result;
    }

    @Override
    public void close() throws InterruptedException {
        client.close(CloseMode.GRACEFUL);
        client.awaitShutdown(TimeValue.of(5, TimeUnit.SECONDS));
    }
}

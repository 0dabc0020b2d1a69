package dev.restdatasource.spi;

import dev.restdatasource.DataSourceResponse;
import java.util.concurrent.CompletionStage;

/**
 * Sends one HTTP request and reads the whole response. The default is the JDK {@code HttpClient};
 * an integration may supply another (for example one built from MicroProfile Rest Client).
 *
 * <p>Thread-safe. Does not follow redirects (the pipeline does, so each hop is cached under its own
 * URL). A failure completes the stage exceptionally: {@link java.net.http.HttpTimeoutException} or
 * {@link java.util.concurrent.TimeoutException} for a timeout, {@link java.net.ConnectException} or
 * another {@link java.io.IOException} when upstream cannot be reached.
 *
 * <p>The pipeline owns the deadline: when {@link TransportRequest#timeout()} passes before the stage completes, the
 * call fails with {@code UPSTREAM_TIMEOUT} and the stage's {@code CompletableFuture} is cancelled, which a transport
 * should take as the signal to close the exchange. A transport should stop reading a body longer than
 * {@link TransportRequest#maxResponseBytes()}.
 */
public interface Transport {
    /** Sends {@code request}; the response's cache flags are all false. */
    CompletionStage<DataSourceResponse> send(TransportRequest request);
}

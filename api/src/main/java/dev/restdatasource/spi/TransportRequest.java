package dev.restdatasource.spi;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.Headers;
import dev.restdatasource.internal.bridge.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A fully resolved HTTP request handed to a {@link Transport}.
 *
 * @param method  the upper-case method
 * @param uri     the absolute URI, query string included
 * @param headers the headers to send
 * @param body    the body bytes, or null for none; not modified by transports
 * @param timeout the time allowed for the whole exchange, headers and body; the pipeline fails the call and
 *                cancels the transport's stage when it passes, whatever the transport does; one longer than 100
 *                years counts as 100 years
 * @param maxResponseBytes the largest response body to read, {@code > 0}: a transport stops reading a larger one
 *                and fails with a {@link dev.restdatasource.DataSourceException} coded
 *                {@link dev.restdatasource.ErrorCode#INVALID_UPSTREAM_RESPONSE}
 */
public record TransportRequest(String method, URI uri, Headers headers, byte[] body, Duration timeout, long maxResponseBytes) {
    /** Checks that the required parts are present and the body limit is positive, and clamps the timeout. */
    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        timeout = Durations.clamp(Objects.requireNonNull(timeout, "timeout"));
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
        }
    }

    /** A request with the default body limit, {@link DataSourceConfig#DEFAULT_MAX_RESPONSE_BYTES}. */
    public TransportRequest(String method, URI uri, Headers headers, byte[] body, Duration timeout) {
        this(method, uri, headers, body, timeout, DataSourceConfig.DEFAULT_MAX_RESPONSE_BYTES);
    }
}

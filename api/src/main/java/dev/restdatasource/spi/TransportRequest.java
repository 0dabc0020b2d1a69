package dev.restdatasource.spi;

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
 * @param timeout the time allowed for the whole exchange; one longer than 100 years counts as 100 years
 */
public record TransportRequest(String method, URI uri, Headers headers, byte[] body, Duration timeout) {
    /** Checks that the required parts are present and clamps the timeout. */
    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        timeout = Durations.clamp(Objects.requireNonNull(timeout, "timeout"));
    }
}

package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A response as the HTTP cache keeps it.
 *
 * @param status          the HTTP status
 * @param headers         the stored response headers (hop-by-hop and Set-Cookie removed; Age as received)
 * @param body            the body bytes; never modified
 * @param requestTime     when the request that produced (or last revalidated) it was sent
 * @param responseTime    when that response was received
 * @param ttlOverride     the freshness lifetime forced by {@code CacheOptions}, or null to follow the headers
 * @param varyFingerprint hash of the request header values named by Vary, or null when the response has no Vary
 */
public record StoredResponse(int status, Headers headers, byte[] body, Instant requestTime, Instant responseTime,
        Duration ttlOverride, String varyFingerprint) {
    /** Checks the required parts. */
    public StoredResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(requestTime, "requestTime");
        Objects.requireNonNull(responseTime, "responseTime");
    }
}

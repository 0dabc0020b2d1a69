package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.time.Duration;

/**
 * The policy's answer to "how may this stored response serve this request".
 *
 * @param action              what to do
 * @param age                 the current age of the stored response (RFC 9111 §4.2.3)
 * @param stale               whether the response is stale (served under max-stale or stale-while-revalidate)
 * @param conditionalHeaders  If-None-Match / If-Modified-Since for a revalidation; empty when there are no validators
 * @param reason              a short human-readable reason, for logs and tests
 */
public record Lookup(Action action, Duration age, boolean stale, Headers conditionalHeaders, String reason) {
    /** What the cache does with a stored response. */
    public enum Action {
        /** Serve it without contacting upstream (fresh, or stale as the request allowed with max-stale). */
        SERVE,
        /** Serve it now and revalidate it once in the background (RFC 5861 stale-while-revalidate). */
        SERVE_STALE_AND_REVALIDATE,
        /** Send a conditional request with {@code conditionalHeaders}; on 304 serve the freshened entry. */
        REVALIDATE,
        /** The entry cannot be used: send the request unconditionally. */
        FETCH,
        /** The request said only-if-cached and the entry cannot be used: answer 504 (RFC 9111 §5.2.1.7). */
        GATEWAY_TIMEOUT
    }
}

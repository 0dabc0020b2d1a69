package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.util.Objects;

/**
 * What the cache policy needs to know of an outgoing request.
 *
 * @param method  the upper-case method
 * @param headers the headers sent upstream (lower-cased names)
 */
public record CacheRequest(String method, Headers headers) {
    /** Checks the required parts. */
    public CacheRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(headers, "headers");
    }

    /** Returns whether the request carries credentials: Authorization, Cookie or Proxy-Authorization. */
    public boolean hasCredentials() {
        return headers.contains("authorization") || headers.contains("cookie") || headers.contains("proxy-authorization");
    }
}

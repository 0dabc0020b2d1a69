package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import dev.restdatasource.internal.http.CredentialHeaders;
import java.util.Objects;

/**
 * What the cache policy needs to know of an outgoing request: its method, its headers, and what they say to a
 * cache, read once when it is made (its Cache-Control directives and whether it carries credentials), so no
 * rule parses the same header again. Immutable and thread-safe.
 */
public final class CacheRequest {
    private final String method;
    private final Headers headers;
    private final RequestDirectives directives;
    private final boolean hasCredentials;

    /**
     * Reads a request.
     *
     * @param method  the upper-case method
     * @param headers the headers sent upstream (lower-cased names)
     */
    public CacheRequest(String method, Headers headers) {
        this.method = Objects.requireNonNull(method, "method");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.directives = RequestDirectives.of(headers);
        this.hasCredentials = CredentialHeaders.present(headers);
    }

    /** Returns the upper-case method. */
    public String method() {
        return method;
    }

    /** Returns the headers sent upstream. */
    public Headers headers() {
        return headers;
    }

    /** Returns the request's Cache-Control directives (with Pragma: no-cache as no-cache). */
    RequestDirectives directives() {
        return directives;
    }

    /** Returns whether the request carries credentials: Authorization, Cookie or Proxy-Authorization. */
    public boolean hasCredentials() {
        return hasCredentials;
    }

    @Override
    public String toString() {
        return "CacheRequest[" + method + ", " + directives + "]"; // never the headers: they may hold credentials
    }
}

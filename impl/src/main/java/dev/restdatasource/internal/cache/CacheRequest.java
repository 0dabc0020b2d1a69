package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import dev.restdatasource.internal.http.CredentialHeaders;
import java.util.Objects;

/**
 * What the cache policy needs to know of an outgoing request: its method, its headers, and what they say to a
 * cache, read once: its Cache-Control directives when it is made, whether it carries credentials when first
 * asked (a hit of a shared entry never asks). No rule parses the same header again. Immutable (the lazily read
 * answer is the same whichever thread reads it first) and thread-safe.
 */
public final class CacheRequest {
    private final String method;
    private final Headers headers;
    private final RequestDirectives directives;
    /** Whether the headers carry credentials: 0 not read yet, 1 no, 2 yes. */
    private byte credentials;

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
        byte known = credentials;
        if (known == 0) {
            known = CredentialHeaders.present(headers) ? (byte) 2 : (byte) 1;
            credentials = known;
        }
        return known == 2;
    }

    @Override
    public String toString() {
        return "CacheRequest[" + method + ", " + directives + "]"; // never the headers: they may hold credentials
    }
}

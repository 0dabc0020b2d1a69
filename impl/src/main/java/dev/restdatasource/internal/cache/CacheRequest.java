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
    private final CredentialHeaders credentials;
    /** Whether the headers carry credentials: 0 not read yet, 1 no, 2 yes. */
    private byte carriesCredentials;

    /**
     * Reads a request.
     *
     * @param method  the upper-case method
     * @param headers the headers sent upstream (lower-cased names)
     */
    public CacheRequest(String method, Headers headers) {
        this(method, headers, CredentialHeaders.DEFAULT);
    }

    /**
     * Reads a request whose credentials are the fields {@code credentials} names.
     *
     * @param method      the upper-case method
     * @param headers     the headers sent upstream (lower-cased names)
     * @param credentials the credential fields and their hash
     */
    public CacheRequest(String method, Headers headers, CredentialHeaders credentials) {
        this.method = Objects.requireNonNull(method, "method");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.directives = RequestDirectives.of(headers);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
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

    /** Returns whether the request carries credentials: Authorization, Cookie, Proxy-Authorization or a configured one. */
    public boolean hasCredentials() {
        byte known = carriesCredentials;
        if (known == 0) {
            known = credentials.present(headers) ? (byte) 2 : (byte) 1;
            carriesCredentials = known;
        }
        return known == 2;
    }

    /** Returns the keyed hash of the request's credential fields, "" when it carries none. */
    String credentialFingerprint() {
        return credentials.fingerprint(headers);
    }

    @Override
    public String toString() {
        return "CacheRequest[" + method + ", " + directives + "]"; // never the headers: they may hold credentials
    }
}

package dev.restdatasource.internal.http;

import dev.restdatasource.Headers;
import java.util.List;

/**
 * The request header fields that carry a user's credentials: Authorization, Cookie and Proxy-Authorization.
 * The one list for every rule that must treat them apart: a response to a request carrying any of them is not
 * shared between users (the HTTP cache and deduplication key it by a hash of their values), and a redirect to
 * another origin drops them. Stateless and thread-safe.
 */
public final class CredentialHeaders {
    /** The lower-cased field names, in the fixed order that hashes of their values use. */
    public static final List<String> NAMES = List.of("authorization", "cookie", "proxy-authorization");

    private CredentialHeaders() {
    }

    /** Returns whether {@code headers} carry at least one credential field. */
    public static boolean present(Headers headers) {
        for (int i = 0; i < NAMES.size(); i++) {
            if (headers.contains(NAMES.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Removes every credential field from {@code headers} and returns it. */
    public static Headers.Builder removeFrom(Headers.Builder headers) {
        for (String name : NAMES) {
            headers.remove(name);
        }
        return headers;
    }
}

package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.util.List;
import java.util.Objects;

/**
 * Which stored variant answers a request (RFC 9111 §4.1): a response with Vary answers only requests whose
 * fields named by Vary have the same values as the request that fetched it, compared through a fingerprint of
 * those values ({@link CacheKey#varyFingerprint}); a response without Vary answers any request; {@code Vary: *}
 * is never stored. Stateless and thread-safe.
 */
final class Variants {
    private Variants() {
    }

    /** The lower-cased field names in the Vary header(s), in order, without duplicates; "*" for Vary: *. */
    static List<String> names(Headers responseHeaders) {
        return List.copyOf(StoredHeaders.listMembers(responseHeaders, "vary"));
    }

    /** Whether Vary names "*": the response varies on something outside the request and is never stored. */
    static boolean variesOnEverything(Headers responseHeaders) {
        return names(responseHeaders).contains("*");
    }

    /**
     * Whether {@code stored} answers a request whose Vary fingerprint is {@code requestFingerprint}: null when the
     * request was looked up without a Vary index, which then selects only a stored response without Vary.
     */
    static boolean selects(StoredResponse stored, String requestFingerprint) {
        return Objects.equals(stored.varyFingerprint(), requestFingerprint);
    }
}

package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.util.List;
import java.util.Objects;

/**
 * Which stored variant answers a request (RFC 9111 §4.1): a response with Vary answers only requests whose
 * fields named by Vary have the same values as the request that fetched it, compared through a fingerprint of
 * those values ({@link CacheKey#varyFingerprint}); a response without Vary answers any request. A response whose
 * Vary no request can match is never stored: {@code Vary: *}, and a Vary naming something that is not a field
 * name (a token, RFC 9110 §5.1), such as {@code Accept Language}, {@code x:y} or a non-ASCII name, which no
 * request field can carry; such a response is still answered to its caller, never turned into a failure.
 * Stateless and thread-safe.
 */
final class Variants {
    private Variants() {
    }

    /** The lower-cased field names in the Vary header(s), in order, without duplicates; "*" for Vary: *. */
    static List<String> names(Headers responseHeaders) {
        return List.copyOf(StoredHeaders.listMembers(responseHeaders, "vary"));
    }

    /**
     * Whether no request can select this response by its Vary: it names "*", which varies on something outside
     * the request, or a member that is not a field name. Such a response is never stored.
     */
    static boolean matchesNoRequest(Headers responseHeaders) {
        return responseHeaders.contains("vary") && !canMatch(names(responseHeaders));
    }

    /** Whether every member of a Vary list is a field name (so not "*") that a request field can carry. */
    static boolean canMatch(List<String> names) {
        for (String name : names) {
            if (!isFieldName(name)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} is a token (RFC 9110 §5.6.2): one or more visible ASCII characters other than delimiters. */
    static boolean isFieldName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean tchar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c < 127 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return !name.equals("*");
    }

    /**
     * Whether {@code stored} answers a request whose Vary fingerprint is {@code requestFingerprint}: null when the
     * request was looked up without a Vary index, which then selects only a stored response without Vary.
     */
    static boolean selects(StoredResponse stored, String requestFingerprint) {
        return Objects.equals(stored.varyFingerprint(), requestFingerprint);
    }
}

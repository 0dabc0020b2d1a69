package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import dev.restdatasource.internal.http.Origins;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which stored entries an unsafe request makes stale (RFC 9111 §4.4): for a method other than GET, HEAD,
 * OPTIONS or TRACE answered with 2xx or 3xx, the request URI, plus Location and Content-Location resolved
 * against it when they are on its origin ({@link Origins}). Stateless and thread-safe.
 */
final class Invalidation {
    /** Methods that never invalidate (RFC 9110 §9.2.1 safe methods). */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private Invalidation() {
    }

    /** The URIs whose entries to delete, request URI first; empty for a safe method or another status. */
    static List<URI> invalidations(String method, URI requestUri, int status, Headers responseHeaders) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT)) || status < 200 || status > 399) {
            return List.of();
        }
        Set<URI> uris = new LinkedHashSet<>();
        uris.add(requestUri);
        for (String field : List.of("location", "content-location")) {
            String value = responseHeaders.first(field);
            if (value == null) {
                continue;
            }
            try {
                URI target = requestUri.resolve(value.trim());
                if (Origins.same(requestUri, target)) {
                    uris.add(target);
                }
            } catch (IllegalArgumentException e) {
                // not a URI reference: nothing to invalidate
            }
        }
        return List.copyOf(uris);
    }
}

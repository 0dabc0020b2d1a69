package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which response header fields the cache keeps. Never stored: hop-by-hop
 * fields (RFC 9110 §7.6.1), the fields the Connection header names, and Set-Cookie / Set-Cookie2, which are
 * never replayed to another user (Apollo replays them). Age is kept, as the age calculation needs it.
 * Stateless and thread-safe.
 */
final class StoredHeaders {
    /** Hop-by-hop fields (RFC 9110 §7.6.1) and fields never replayed to another user. */
    private static final Set<String> NEVER_STORED = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "transfer-encoding", "upgrade", "trailer", "proxy-authenticate", "proxy-authorization",
            "set-cookie", "set-cookie2");

    private StoredHeaders() {
    }

    /** The response header fields worth storing, in order. */
    static Headers storable(Headers responseHeaders) {
        Set<String> drop = new LinkedHashSet<>(NEVER_STORED);
        drop.addAll(listMembers(responseHeaders, "connection"));
        drop.remove("age");
        Headers.Builder kept = Headers.builder();
        responseHeaders.asMap().forEach((name, values) -> {
            if (!drop.contains(name)) {
                values.forEach(value -> kept.add(name, value));
            }
        });
        return kept.build();
    }

    /** Whether the response sets a cookie (Set-Cookie or Set-Cookie2). */
    static boolean hasSetCookie(Headers responseHeaders) {
        return responseHeaders.contains("set-cookie") || responseHeaders.contains("set-cookie2");
    }

    /** The lower-cased, trimmed, de-duplicated members of a comma-separated list field, in order. */
    static Set<String> listMembers(Headers headers, String field) {
        Set<String> members = new LinkedHashSet<>();
        for (String line : headers.all(field)) {
            for (String member : line.split(",")) {
                String trimmed = member.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    members.add(trimmed);
                }
            }
        }
        return members;
    }
}

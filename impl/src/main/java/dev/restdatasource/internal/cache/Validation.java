package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.time.Instant;
import java.util.Set;

/**
 * Revalidating a stored response (RFC 9111 §4.3): the conditional request it sends, whether a 304 answers for
 * it, and the stored response a matching 304 freshens. Stateless and thread-safe.
 */
final class Validation {
    /** Fields a 304 must not change in the stored response (RFC 9111 §3.2). */
    private static final Set<String> KEPT_ON_FRESHEN =
            Set.of("content-length", "content-encoding", "transfer-encoding", "content-range");

    private Validation() {
    }

    /** What the answer to a conditional request means for the stored response it revalidated. */
    enum Outcome {
        /** A 304 for the stored response: serve it freshened by the 304, and store that. */
        FRESHENS,
        /** Another status: the answer replaces the stored response, stored or not by the usual rules (RFC 9111 §4.3.3). */
        REPLACES,
        /** A 304 for another representation (its validators differ): fetch again without conditions. */
        MISMATCHES
    }

    /** What an answer with this status and these headers to a conditional request for {@code stored} means. */
    static Outcome outcome(StoredResponse stored, int status, Headers headers) {
        if (status != 304) {
            return Outcome.REPLACES;
        }
        return notModifiedMatches(stored, headers) ? Outcome.FRESHENS : Outcome.MISMATCHES;
    }

    /**
     * If-None-Match from the stored ETag and If-Modified-Since from the stored Last-Modified (RFC 9111 §4.3.1);
     * empty when the stored response has neither, so it cannot be revalidated.
     */
    static Headers conditionalHeaders(Headers stored) {
        String etag = stored.first("etag");
        String lastModified = stored.first("last-modified");
        if (etag == null && lastModified == null) {
            return Headers.empty();
        }
        Headers.Builder conditional = Headers.builder();
        if (etag != null) {
            conditional.set("if-none-match", etag);
        }
        if (lastModified != null) {
            conditional.set("if-modified-since", lastModified);
        }
        return conditional.build();
    }

    /**
     * Whether a 304 answers for this stored response (RFC 9111 §4.3.4): an ETag on the 304 must match the
     * stored one by weak comparison; else a Last-Modified must equal the stored one; with neither, it matches.
     */
    static boolean notModifiedMatches(StoredResponse stored, Headers notModifiedHeaders) {
        String etag = notModifiedHeaders.first("etag");
        if (etag != null) {
            String storedEtag = stored.headers().first("etag");
            return storedEtag != null && opaqueTag(etag).equals(opaqueTag(storedEtag));
        }
        String lastModified = notModifiedHeaders.first("last-modified");
        if (lastModified != null) {
            String storedLastModified = stored.headers().first("last-modified");
            if (storedLastModified == null) {
                return false;
            }
            Instant a = HttpDates.parse(lastModified);
            return a != null ? a.equals(HttpDates.parse(storedLastModified))
                    : lastModified.trim().equals(storedLastModified.trim());
        }
        return true;
    }

    /** The entity-tag without its weakness prefix, for weak comparison (RFC 9110 §8.8.3.2). */
    private static String opaqueTag(String etag) {
        String t = etag.trim();
        return t.startsWith("W/") ? t.substring(2) : t;
    }

    /**
     * The stored response freshened by a 304 (RFC 9111 §3.2, §4.3.4): the 304's storable fields replace
     * the stored ones, except Content-Length, Content-Encoding, Transfer-Encoding and Content-Range. The old
     * Age is dropped (age starts again from the 304's own Age, if any); when the 304 has no Date, a Date of
     * {@code responseTime} is recorded (RFC 9110 §6.6.1) so the old Date does not make the entry look old.
     */
    static StoredResponse freshen(StoredResponse stored, Headers notModifiedHeaders, Instant requestTime,
            Instant responseTime) {
        Headers.Builder merged = stored.headers().toBuilder().remove("age");
        Headers update = StoredHeaders.storable(notModifiedHeaders);
        update.asMap().forEach((name, values) -> {
            if (!KEPT_ON_FRESHEN.contains(name)) {
                merged.remove(name);
                values.forEach(value -> merged.add(name, value));
            }
        });
        if (!update.contains("date")) {
            merged.set("date", HttpDates.format(responseTime));
        }
        return new StoredResponse(stored.status(), merged.build(), stored.body(), requestTime, responseTime,
                stored.ttlOverride(), stored.varyFingerprint());
    }
}

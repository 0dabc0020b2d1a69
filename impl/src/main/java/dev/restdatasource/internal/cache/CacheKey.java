package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import dev.restdatasource.internal.pipeline.Fingerprints;
import java.util.List;

/**
 * The key scheme of the HTTP cache, the one place that writes store keys; a key is made here and carried as a
 * value, never parsed back from its string. The strings are a storage format shared across versions and nodes,
 * so they never change:
 * <ul>
 *   <li>primary: {@code "httpcache:" + cacheKey} (the key from {@code cacheKeyFor}, as Apollo writes it), plus
 *       {@code " body:<hash of the body>"} for a method other than GET with a body, so a POST stored under a
 *       TTL override only answers the same body (Apollo answers any body);</li>
 *   <li>per user: {@code key + " user:<hash of the credential fields>"}, for an entry stored under a per-user
 *       override;</li>
 *   <li>variant: {@code key + " vary:<hash of the request fields Vary names>"}; the key itself then holds the
 *       Vary index naming those fields, so several variants live side by side (Apollo keeps one).</li>
 * </ul>
 * Hashes are one-way, so no credential value reaches the store: {@link Fingerprints} for bodies and Vary'd fields, and
 * for credentials a keyed hash ({@link dev.restdatasource.internal.http.CredentialHeaders#fingerprint}), so a key
 * seen in a store does not let anyone test guesses of a token or password.
 *
 * @param value   the key in the store
 * @param perUser whether the entry under it belongs to one user's credentials
 */
record CacheKey(String value, boolean perUser) {
    /** The prefix of every key the HTTP cache writes. */
    static final String PREFIX = "httpcache:";

    /** The primary key of an exchange: its cache key, and the hash of its body when it is not a GET. */
    static CacheKey primary(Exchange x) {
        String key = PREFIX + x.cacheKey();
        if (!x.method().equals("GET") && x.body() != null && x.body().length > 0) {
            key += " body:" + Fingerprints.ofBytes(x.body());
        }
        return new CacheKey(key, false);
    }

    /** The primary key a GET would have under {@code cacheKey}, such as a URL an unsafe request invalidates. */
    static CacheKey ofGet(String cacheKey) {
        return new CacheKey(PREFIX + cacheKey, false);
    }

    /**
     * The key of this entry for the user whose credentials {@code request} carries; null when it carries none,
     * as then there is no per-user entry to read, write or delete.
     */
    CacheKey forUser(CacheRequest request) {
        return request.hasCredentials()
                ? new CacheKey(value + " user:" + request.credentialFingerprint(), true) : null;
    }

    /** The key of the variant whose Vary fingerprint is {@code fingerprint}; it belongs to the same user as this key. */
    CacheKey variant(String fingerprint) {
        return new CacheKey(value + " vary:" + fingerprint, perUser);
    }

    /** The fingerprint that tells variants apart: a hash of the values of the request fields Vary {@code names}. */
    static String varyFingerprint(List<String> names, Headers requestHeaders) {
        return Fingerprints.ofHeaders(names, requestHeaders);
    }
}

package dev.restdatasource.internal.cache;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

/**
 * One request as the HTTP cache handles it.
 *
 * @param method       upper-case method
 * @param url          absolute URL
 * @param headers      headers to send
 * @param body         body bytes or null
 * @param timeout      request timeout
 * @param cacheKey     the key from {@code cacheKeyFor} (without the {@code httpcache:} prefix)
 * @param skipCache    skip the read, still store the response (Apollo's skipCache)
 * @param cacheOptions the TTL override for an upstream response (per-call options, else the hook); may return null
 * @param getKeyFor    the cache key a GET to a URL would have, for invalidations
 */
public record Exchange(String method, URI url, Headers headers, byte[] body, Duration timeout, String cacheKey,
        boolean skipCache, Function<DataSourceResponse, CacheOptions> cacheOptions, Function<URI, String> getKeyFor) {

    /** Returns the same exchange with other headers. */
    public Exchange withHeaders(Headers other) {
        return other == headers ? this
                : new Exchange(method, url, other, body, timeout, cacheKey, skipCache, cacheOptions, getKeyFor);
    }

    /** Returns the same exchange with its cache key. */
    public Exchange withCacheKey(String key) {
        return new Exchange(method, url, headers, body, timeout, key, skipCache, cacheOptions, getKeyFor);
    }
}

package dev.restdatasource;

import dev.restdatasource.internal.bridge.Durations;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One outgoing call as hooks see it: method, path values, query parameters, headers, body and the
 * per-call cache options. Hooks such as {@code willSendRequest} may change any of it.
 *
 * <p>Owned by one call; not thread-safe. Header names are lower-cased, as in Apollo. Query
 * parameters keep their order and may repeat, as in Apollo; they are form-encoded and appended after
 * any query string already in the path.
 */
public final class DataSourceRequest {
    private String method;
    private final List<Object> pathValues;
    private final List<Map.Entry<String, String>> params = new ArrayList<>();
    private final Headers.Builder headers = Headers.builder();
    private final Map<String, Object> attributes = new HashMap<>();
    private Object body;
    private String cacheKey;
    private CacheOptions cacheOptions;
    private boolean skipCache;
    private Duration timeout;
    private Long maxResponseBytes;
    private boolean notFoundAsNull;
    private boolean throwOnErrorStatus = true;

    /** Creates a request; {@code pathValues} fill the {@code {name}} placeholders of the path in order. */
    public DataSourceRequest(String method, List<?> pathValues) {
        method(method);
        this.pathValues = Collections.unmodifiableList(new ArrayList<>(pathValues)); // nulls kept: resolveURL reports them
    }

    /** Returns the HTTP method, upper-cased. */
    public String method() {
        return method;
    }

    /** Sets the HTTP method (a token such as {@code GET}); a method set here wins over the helper's. */
    public DataSourceRequest method(String method) {
        Objects.requireNonNull(method, "method");
        if (!isToken(method)) {
            throw new IllegalArgumentException("Invalid HTTP method: " + method);
        }
        this.method = method.toUpperCase(Locale.ROOT);
        return this;
    }

    /** Whether {@code s} is a non-empty token (RFC 9110 §5.6.2): visible ASCII without separators. */
    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** Returns the values for the path's {@code {name}} placeholders, in order; each becomes one encoded segment. */
    public List<Object> pathValues() {
        return pathValues;
    }

    /** Appends a query parameter; a {@code null} value is left out. Repeated names are kept. */
    public DataSourceRequest param(String name, Object value) {
        Objects.requireNonNull(name, "parameter name");
        if (value != null) {
            params.add(new SimpleImmutableEntry<>(name, String.valueOf(value)));
        }
        return this;
    }

    /** Replaces every value of the parameter {@code name}; {@code null} removes it. */
    public DataSourceRequest setParam(String name, Object value) {
        removeParam(name);
        return param(name, value);
    }

    /** Removes every value of the parameter {@code name}. */
    public DataSourceRequest removeParam(String name) {
        params.removeIf(e -> e.getKey().equals(name));
        return this;
    }

    /** Returns the query parameters in order, as an unmodifiable snapshot. */
    public List<Map.Entry<String, String>> params() {
        return List.copyOf(params);
    }

    /** Sets a header, replacing earlier values. */
    public DataSourceRequest header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    /** Appends a header value, keeping earlier values. */
    public DataSourceRequest addHeader(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /** Removes a header. */
    public DataSourceRequest removeHeader(String name) {
        headers.remove(name);
        return this;
    }

    /** Returns the first value of a header, or null. */
    public String header(String name) {
        return headers.first(name);
    }

    /** Returns a snapshot of the headers. */
    public Headers headers() {
        return headers.build();
    }

    /**
     * Returns the body as given: a String or byte[] is sent as it is, any other object is serialized
     * with JSON-B; null sends no body.
     */
    public Object body() {
        return body;
    }

    /** Sets the body. */
    public DataSourceRequest body(Object body) {
        this.body = body;
        return this;
    }

    /** Returns the explicit cache key (Apollo's {@code cacheKey}), or null to use {@code cacheKeyFor}. */
    public String cacheKey() {
        return cacheKey;
    }

    /** Sets the cache and deduplication key of this call. */
    public DataSourceRequest cacheKey(String cacheKey) {
        this.cacheKey = cacheKey;
        return this;
    }

    /** Returns the per-call cache options; when set, {@code cacheOptionsFor} is not called. */
    public CacheOptions cacheOptions() {
        return cacheOptions;
    }

    /** Sets the per-call cache options. */
    public DataSourceRequest cacheOptions(CacheOptions cacheOptions) {
        this.cacheOptions = cacheOptions;
        return this;
    }

    /** Returns whether the cache read is skipped (the response is still stored). */
    public boolean skipCache() {
        return skipCache;
    }

    /** Skips the cache read for this call; the fresh response is still stored when storable. */
    public DataSourceRequest skipCache(boolean skipCache) {
        this.skipCache = skipCache;
        return this;
    }

    /** Returns the request timeout of this call, or null for the data source's default. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sets the request timeout of this call; it must be positive; one longer than 100 years counts as 100 years. It
     * bounds each upstream exchange whole, headers and body.
     */
    public DataSourceRequest timeout(Duration timeout) {
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = Durations.clamp(timeout);
        return this;
    }

    /** Returns the largest response body this call reads in bytes, or null for the data source's default. */
    public Long maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * Sets the largest response body this call reads in bytes (null: the data source's default); it must be
     * positive. A larger body fails the call with {@link ErrorCode#INVALID_UPSTREAM_RESPONSE}.
     */
    public DataSourceRequest maxResponseBytes(Long maxResponseBytes) {
        if (maxResponseBytes != null && maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
        }
        this.maxResponseBytes = maxResponseBytes;
        return this;
    }

    /** Returns whether a 404 answer becomes a {@code null} result instead of an error (Apollo users ask for it; Apollo throws). */
    public boolean notFoundAsNull() {
        return notFoundAsNull;
    }

    /** Makes a 404 answer a {@code null} result instead of an error. */
    public DataSourceRequest notFoundAsNull(boolean notFoundAsNull) {
        this.notFoundAsNull = notFoundAsNull;
        return this;
    }

    /** Returns whether a non-2xx answer throws (the default); {@code fetch} callers may turn this off. */
    public boolean throwOnErrorStatus() {
        return throwOnErrorStatus;
    }

    /** Sets whether a non-2xx answer throws. */
    public DataSourceRequest throwOnErrorStatus(boolean throwOnErrorStatus) {
        this.throwOnErrorStatus = throwOnErrorStatus;
        return this;
    }

    /** Returns the mutable attributes hooks can use to pass values along one call. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /**
     * Returns a copy with another method: same path values, parameters, headers, cache key and attributes (the
     * per-call options are not copied). Used to ask {@code cacheKeyFor} what key a GET or HEAD to the same URL has.
     */
    public DataSourceRequest withMethod(String method) {
        DataSourceRequest copy = new DataSourceRequest(method, pathValues);
        copy.params.addAll(params);
        headers.build().asMap().forEach((name, values) -> values.forEach(v -> copy.headers.add(name, v)));
        copy.cacheKey = cacheKey;
        copy.attributes.putAll(attributes);
        return copy;
    }

    @Override
    public String toString() {
        return method + " " + pathValues + (params.isEmpty() ? "" : " params=" + Collections.unmodifiableList(params));
    }
}

package dev.restdatasource;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.event.DataSourceEventListener;
import dev.restdatasource.internal.bridge.Durations;
import dev.restdatasource.spi.Transport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a data source is built from: the cache store, the clock, the transport and limits. Anything left
 * unset takes the default named on its setter. Immutable and thread-safe; share one instance between
 * every data source that should share the HTTP cache.
 */
public final class DataSourceConfig {
    /** Default time allowed for one upstream exchange. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Default time allowed for one cache store call before it counts as a miss. */
    public static final Duration DEFAULT_CACHE_TIMEOUT = Duration.ofMillis(50);
    /** Default number of redirects followed. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    /**
     * Default largest upstream response body read, in bytes: 8 MiB, room for the JSON behind a large GraphQL
     * answer while a hostile or broken upstream cannot fill the heap.
     */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

    private static final DataSourceConfig DEFAULTS = builder().build();

    private final KeyValueCache cache;
    private final Clock clock;
    private final Transport transport;
    private final Duration requestTimeout;
    private final Duration cacheTimeout;
    private final int maxRedirects;
    private final long maxResponseBytes;
    private final List<RequestFilter> requestFilters;
    private final List<String> credentialHeaders;
    private final String credentialHashSecret;
    private final List<DataSourceEventListener> eventListeners;

    private DataSourceConfig(Builder b) {
        this.cache = b.cache;
        this.clock = b.clock;
        this.transport = b.transport;
        this.requestTimeout = b.requestTimeout;
        this.cacheTimeout = b.cacheTimeout;
        this.maxRedirects = b.maxRedirects;
        this.maxResponseBytes = b.maxResponseBytes;
        this.requestFilters = List.copyOf(b.requestFilters);
        this.credentialHeaders = b.credentialHeaders;
        this.credentialHashSecret = b.credentialHashSecret;
        this.eventListeners = b.eventListeners;
    }

    /** Returns the configuration with every default. */
    public static DataSourceConfig defaults() {
        return DEFAULTS;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cache = cache;
        b.clock = clock;
        b.transport = transport;
        b.requestTimeout = requestTimeout;
        b.cacheTimeout = cacheTimeout;
        b.maxRedirects = maxRedirects;
        b.maxResponseBytes = maxResponseBytes;
        b.requestFilters = requestFilters;
        b.credentialHeaders = credentialHeaders;
        b.credentialHashSecret = credentialHashSecret;
        b.eventListeners = eventListeners;
        return b;
    }

    /** Returns the cache store, or null for the process-wide in-memory store. */
    public KeyValueCache cache() {
        return cache;
    }

    /** Returns the clock, or null for the system UTC clock. */
    public Clock clock() {
        return clock;
    }

    /** Returns the transport, or null for the shared JDK HttpClient transport. */
    public Transport transport() {
        return transport;
    }

    /** Returns the default time allowed for one upstream exchange. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Returns the time allowed for one cache store call before it counts as a miss. */
    public Duration cacheTimeout() {
        return cacheTimeout;
    }

    /** Returns how many redirects a call follows (0: none, 3xx answers are returned). */
    public int maxRedirects() {
        return maxRedirects;
    }

    /**
     * Returns the default largest response body a call reads, in bytes; a larger body fails the call with
     * {@link ErrorCode#INVALID_UPSTREAM_RESPONSE}.
     */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** Returns the filters every call runs first, in order. */
    public List<RequestFilter> requestFilters() {
        return requestFilters;
    }

    /** The listeners told of every call's events, in order; empty by default. */
    public List<DataSourceEventListener> eventListeners() {
        return eventListeners;
    }

    /**
     * Returns the request header fields that carry credentials besides Authorization, Cookie and Proxy-Authorization
     * (which always do), lower-cased: default none.
     */
    public List<String> credentialHeaders() {
        return credentialHeaders;
    }

    /**
     * Returns the secret of the keyed hash that tells users apart in per-user cache keys, or null for a random one
     * per class loader.
     */
    public String credentialHashSecret() {
        return credentialHashSecret;
    }

    /** Builds a {@link DataSourceConfig}; not thread-safe. */
    public static final class Builder {
        private KeyValueCache cache;
        private Clock clock;
        private Transport transport;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration cacheTimeout = DEFAULT_CACHE_TIMEOUT;
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private List<RequestFilter> requestFilters = List.of();
        private List<String> credentialHeaders = List.of();
        private String credentialHashSecret;
        private List<DataSourceEventListener> eventListeners = List.of();

        private Builder() {
        }

        /**
         * Request header fields that carry a user's credentials besides Authorization, Cookie and Proxy-Authorization,
         * which always do (an API key header, say): a request carrying any of them is stored by the shared cache only
         * when the response allows it explicitly, is cached per user under a per-user TTL override, is deduplicated
         * only with callers sending the same values, and loses them on a redirect to another origin. Default none.
         *
         * @throws IllegalArgumentException for a name that is not a valid header field name
         */
        public Builder credentialHeaders(List<String> names) {
            List<String> normalized = new ArrayList<>();
            for (String name : names) {
                String n = Headers.normalize(name);
                if (!normalized.contains(n)) {
                    normalized.add(n);
                }
            }
            this.credentialHeaders = List.copyOf(normalized);
            return this;
        }

        /**
         * The secret of the keyed hash (HMAC-SHA256) of credential values in per-user cache keys, so that a key seen
         * in a store does not let anyone test guesses of a token or password. Servers sharing per-user entries
         * through one store must all use the same secret; default (null): a random secret per class loader, so
         * per-user entries are then not shared between servers (shared entries are).
         *
         * @throws IllegalArgumentException for an empty secret
         */
        public Builder credentialHashSecret(String secret) {
            if (secret != null && secret.isEmpty()) {
                throw new IllegalArgumentException("credentialHashSecret must not be empty");
            }
            this.credentialHashSecret = secret;
            return this;
        }

        /** Filters every call runs first, in this order; default none. */
        public Builder requestFilters(List<RequestFilter> requestFilters) {
            this.requestFilters = List.copyOf(requestFilters);
            return this;
        }

        /**
         * Listeners told of every call's events (start and end, the cache's decision with its reason, store and
         * upstream latency, redirects, failures), in this order; default none. What a listener throws never changes
         * a call. See {@link DataSourceEventListener}.
         */
        public Builder eventListeners(List<? extends DataSourceEventListener> eventListeners) {
            this.eventListeners = List.copyOf(eventListeners);
            return this;
        }

        /** The cache store; default: one in-memory store per class loader, bounded to 64 MiB. */
        public Builder cache(KeyValueCache cache) {
            this.cache = cache;
            return this;
        }

        /** The clock used for cache ages; default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The transport; default: the JDK {@code HttpClient} with a 10 s connect timeout. */
        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        /**
         * The default request timeout; default 30 s. Must be positive; one longer than 100 years counts as 100 years.
         * It bounds each upstream exchange whole, from sending the request to the last byte of the body; each
         * redirect hop has its own.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /** The time one cache call may take before it counts as a miss; default 50 ms. Must be positive; clamped to 100 years. */
        public Builder cacheTimeout(Duration cacheTimeout) {
            this.cacheTimeout = positive(cacheTimeout, "cacheTimeout");
            return this;
        }

        /** How many redirects to follow; default 5; 0 returns 3xx answers as they are. */
        public Builder maxRedirects(int maxRedirects) {
            if (maxRedirects < 0) {
                throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
            }
            this.maxRedirects = maxRedirects;
            return this;
        }

        /**
         * The largest response body a call reads, in bytes; default 8 MiB. Must be positive. The transport stops
         * reading and fails the call with {@link ErrorCode#INVALID_UPSTREAM_RESPONSE} once a body grows past it (at
         * once when its {@code Content-Length} says so); a call may set its own limit
         * ({@link DataSourceRequest#maxResponseBytes(Long)}).
         */
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** Returns the configuration. */
        public DataSourceConfig build() {
            return new DataSourceConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return Durations.clamp(d);
        }
    }
}

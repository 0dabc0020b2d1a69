package dev.restdatasource.internal.config;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.Headers;
import dev.restdatasource.backend.SettingsReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * Every MicroProfile Config setting of the data sources, read and validated at once. All keys start with
 * {@value #PREFIX}:
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@value #CACHE_MAX_BYTES}</td><td>67108864 (64 MiB)</td><td>bound of the in-memory HTTP cache store,
 *     in bytes; a plain number {@code > 0} or one with a {@code KiB}, {@code MiB} or {@code GiB} suffix
 *     ({@code 128MiB}). Unused when the application provides a {@code KeyValueCache} bean.</td></tr>
 * <tr><td>{@value #CACHE_TIMEOUT}</td><td>50ms</td><td>longest wait for one cache store call before it counts as
 *     a miss</td></tr>
 * <tr><td>{@value #REQUEST_TIMEOUT}</td><td>30s</td><td>time allowed for one upstream exchange, headers and whole
 *     body</td></tr>
 * <tr><td>{@value #MAX_RESPONSE_BYTES}</td><td>8388608 (8 MiB)</td><td>largest upstream response body a call reads,
 *     in bytes, written as {@value #CACHE_MAX_BYTES} is; a larger body fails the call with
 *     {@code INVALID_UPSTREAM_RESPONSE}</td></tr>
 * <tr><td>{@value #MAX_REDIRECTS}</td><td>5</td><td>redirects followed per call; {@code 0} returns 3xx answers
 *     as they are</td></tr>
 * <tr><td>{@value #EXPOSE_UPSTREAM_DETAILS}</td><td>false</td><td>whether GraphQL clients may see upstream URLs and
 *     response bodies in errors</td></tr>
 * <tr><td>{@value #CREDENTIAL_HEADERS}</td><td>none</td><td>comma-separated request header names that carry
 *     credentials besides Authorization, Cookie and Proxy-Authorization (e.g. {@code X-Api-Key}): such requests are
 *     stored only when the response allows it explicitly, cached per user under a per-user override, deduplicated
 *     only among callers sending the same values, and lose them on a redirect to another origin</td></tr>
 * <tr><td>{@value #CREDENTIAL_HASH_SECRET}</td><td>random per application</td><td>secret of the keyed hash of
 *     credential values in per-user cache keys; give every server sharing a store the same one so that they share
 *     per-user entries</td></tr>
 * <tr><td>{@code restdatasource.<name>.credential-headers}</td><td>none</td><td>more credential header names for the
 *     data source {@code <name>} only, added to {@value #CREDENTIAL_HEADERS}</td></tr>
 * <tr><td>{@code restdatasource.<name>.url}</td><td>none</td><td>absolute http(s) base URL of the data source
 *     {@code <name>} (a {@code RESTDataSource}'s {@code name()}, or a Rest Client's configKey; case-sensitive);
 *     wins over the base URL set in code, and is required for a {@code RESTDataSource} bean that sets none in code
 *     (a name that is no data source's is a warning, see {@link BaseUrlCheck})</td></tr>
 * <tr><td>{@value #HEALTH_STORE_OUTAGE_FAILS_READINESS}</td><td>false</td><td>whether the cache store's health
 *     check (MicroProfile Health readiness, when the server has it) reports DOWN while the store is unreachable or its
 *     circuit is open; by default it reports UP with the state in its data, since a store outage only turns hits into
 *     misses</td></tr>
 * </table>
 *
 * <p>Durations are written {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or as ISO-8601 ({@code PT30S}) and
 * must be positive. Any other key under the prefix is an error (typo protection), so a misspelt key fails
 * deployment instead of being ignored, except the keys of the cache backend modules
 * ({@code restdatasource.infinispan.*}, {@code .hazelcast.*}, {@code .memcached.*}, {@code .redis.*}, see
 * {@link #BACKEND_PREFIXES}), which
 * those modules read themselves. Empty values count as absent (MicroProfile Config's rule).
 *
 * <p>Read through the backend kit's {@link SettingsReader}, the reader the cache backend modules use as well, so
 * every problem is reported at once, each naming its full key. Immutable and thread-safe.
 */
public final class DataSourceSettings {
    /** The prefix of every key. */
    public static final String PREFIX = "restdatasource.";
    /** Bound of the in-memory cache store in bytes. */
    public static final String CACHE_MAX_BYTES = PREFIX + "cache.max-bytes";
    /** Longest wait for one cache store call. */
    public static final String CACHE_TIMEOUT = PREFIX + "cache.timeout";
    /** Time allowed for one upstream exchange. */
    public static final String REQUEST_TIMEOUT = PREFIX + "request-timeout";
    /** Largest upstream response body read, in bytes. */
    public static final String MAX_RESPONSE_BYTES = PREFIX + "max-response-bytes";
    /** Redirects followed per call. */
    public static final String MAX_REDIRECTS = PREFIX + "max-redirects";
    /** Whether GraphQL clients may see upstream URLs and bodies. */
    public static final String EXPOSE_UPSTREAM_DETAILS = PREFIX + "expose-upstream-details";
    /** Request header names that carry credentials, besides the built-in ones. */
    public static final String CREDENTIAL_HEADERS = PREFIX + "credential-headers";
    /** Secret of the keyed hash of credential values. */
    public static final String CREDENTIAL_HASH_SECRET = PREFIX + "credential-hash-secret";
    /** Whether a store outage makes the store's readiness check DOWN. */
    public static final String HEALTH_STORE_OUTAGE_FAILS_READINESS = PREFIX + "health.store-outage-fails-readiness";
    /** The suffix of a per-data-source credential header key, {@code restdatasource.<name>.credential-headers}. */
    public static final String CREDENTIAL_HEADERS_SUFFIX = ".credential-headers";
    /** The suffix of a per-data-source base URL key, {@code restdatasource.<name>.url}. */
    public static final String URL_SUFFIX = ".url";

    /** Default of {@value #CACHE_MAX_BYTES}: 64 MiB. */
    public static final long DEFAULT_CACHE_MAX_BYTES = 64L * 1024 * 1024;

    /**
     * Key prefixes owned by the cache backend modules (restdatasource-infinispan, -hazelcast, -memcached, -redis):
     * their keys are not data-source settings and are left to those modules.
     */
    public static final List<String> BACKEND_PREFIXES = List.of(PREFIX + "infinispan.", PREFIX + "hazelcast.",
            PREFIX + "memcached.", PREFIX + "redis.");

    private static final List<String> KNOWN_KEYS = List.of(CACHE_MAX_BYTES, CACHE_TIMEOUT, REQUEST_TIMEOUT,
            MAX_RESPONSE_BYTES, MAX_REDIRECTS, EXPOSE_UPSTREAM_DETAILS, CREDENTIAL_HEADERS, CREDENTIAL_HASH_SECRET,
            HEALTH_STORE_OUTAGE_FAILS_READINESS,
            PREFIX + "<name>" + URL_SUFFIX, PREFIX + "<name>" + CREDENTIAL_HEADERS_SUFFIX);

    private final long cacheMaxBytes;
    private final Duration cacheTimeout;
    private final Duration requestTimeout;
    private final long maxResponseBytes;
    private final int maxRedirects;
    private final boolean exposeUpstreamDetails;
    private final Map<String, String> urls;
    private final Set<String> urlNames = new TreeSet<>();
    private final List<String> credentialHeaders;
    private final String credentialHashSecret;
    private final boolean storeOutageFailsReadiness;
    private final Map<String, List<String>> credentialHeadersByName = new TreeMap<>();

    private DataSourceSettings(SettingsReader r) {
        this.cacheMaxBytes = r.bytes(CACHE_MAX_BYTES, DEFAULT_CACHE_MAX_BYTES);
        this.cacheTimeout = r.positiveDuration(CACHE_TIMEOUT, DataSourceConfig.DEFAULT_CACHE_TIMEOUT);
        this.requestTimeout = r.positiveDuration(REQUEST_TIMEOUT, DataSourceConfig.DEFAULT_REQUEST_TIMEOUT);
        this.maxResponseBytes = r.bytes(MAX_RESPONSE_BYTES, DataSourceConfig.DEFAULT_MAX_RESPONSE_BYTES);
        this.maxRedirects = r.nonNegativeInt(MAX_REDIRECTS, DataSourceConfig.DEFAULT_MAX_REDIRECTS);
        this.exposeUpstreamDetails = r.bool(EXPOSE_UPSTREAM_DETAILS, false);
        this.credentialHeaders = headerNames(r, CREDENTIAL_HEADERS);
        this.credentialHashSecret = r.string(CREDENTIAL_HASH_SECRET).orElse(null);
        this.storeOutageFailsReadiness = r.bool(HEALTH_STORE_OUTAGE_FAILS_READINESS, false);
        this.urls = urlsAndUnknownKeys(r);
    }

    /**
     * Reads and validates every setting.
     *
     * @throws dev.restdatasource.backend.InvalidSettingsException listing every wrong value and unknown key, each message starting with its key
     */
    public static DataSourceSettings load(Config config) {
        SettingsReader reader = new SettingsReader(config);
        DataSourceSettings settings = read(reader);
        reader.throwIfProblems();
        return settings;
    }

    /**
     * Reads every setting through {@code reader}, recording there each wrong value and unknown key instead of
     * throwing; a wrong value reads as its default. For a deployment check that adds its own problems to the same
     * reader before it ends the reading.
     */
    public static DataSourceSettings read(SettingsReader reader) {
        return new DataSourceSettings(reader);
    }

    /** Returns the settings when nothing is configured. */
    public static DataSourceSettings defaults() {
        return new DataSourceSettings(new SettingsReader(null));
    }

    /** Returns {@value #CACHE_MAX_BYTES}: the in-memory store's bound in bytes, always {@code > 0}. */
    public long cacheMaxBytes() {
        return cacheMaxBytes;
    }

    /** Returns {@value #CACHE_TIMEOUT}, always positive. */
    public Duration cacheTimeout() {
        return cacheTimeout;
    }

    /** Returns {@value #REQUEST_TIMEOUT}, always positive. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Returns {@value #MAX_RESPONSE_BYTES}: the largest response body a call reads, always {@code > 0}. */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** Returns {@value #MAX_REDIRECTS}, never negative. */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** Returns {@value #EXPOSE_UPSTREAM_DETAILS}: whether GraphQL clients may see upstream URLs and bodies. */
    public boolean exposeUpstreamDetails() {
        return exposeUpstreamDetails;
    }

    /**
     * Returns the credential header names of data source {@code name}: {@value #CREDENTIAL_HEADERS} followed by
     * {@code restdatasource.<name>.credential-headers}, lower-cased, each once.
     */
    public List<String> credentialHeaders(String name) {
        List<String> own = credentialHeadersByName.get(name);
        if (own == null) {
            return credentialHeaders;
        }
        List<String> all = new ArrayList<>(credentialHeaders);
        own.stream().filter(n -> !all.contains(n)).forEach(all::add);
        return List.copyOf(all);
    }

    /** Returns whether data source {@code name} has credential header names of its own. */
    public boolean hasOwnCredentialHeaders(String name) {
        return credentialHeadersByName.containsKey(name);
    }

    /** Returns {@value #CREDENTIAL_HASH_SECRET}, or null when not configured. */
    public String credentialHashSecret() {
        return credentialHashSecret;
    }

    /** Returns {@value #HEALTH_STORE_OUTAGE_FAILS_READINESS}: whether a store outage makes readiness DOWN. */
    public boolean storeOutageFailsReadiness() {
        return storeOutageFailsReadiness;
    }

    /** Returns {@code restdatasource.<name>.url}, a validated absolute http(s) URL, when configured. */
    public Optional<String> url(String name) {
        return Optional.ofNullable(urls.get(name));
    }

    /** Returns every configured {@code restdatasource.<name>.url}, by name, sorted. */
    public Map<String, String> urls() {
        return urls;
    }

    /**
     * Returns the names of every {@code restdatasource.<name>.url} key set, sorted, including those whose value is not
     * a valid URL (already reported as wrong values).
     */
    public Set<String> urlNames() {
        return Collections.unmodifiableSet(urlNames);
    }

    /** Returns the key of the base URL of data source {@code name}: {@code restdatasource.<name>.url}. */
    public static String urlKey(String name) {
        return PREFIX + name + URL_SUFFIX;
    }

    /** A comma-separated list of header names, lower-cased; a name that is not a valid field name is a problem. */
    private static List<String> headerNames(SettingsReader r, String key) {
        List<String> names = new ArrayList<>();
        for (String name : r.list(key, List.of())) {
            try {
                String normalized = Headers.normalize(name);
                if (!names.contains(normalized)) {
                    names.add(normalized);
                }
            } catch (IllegalArgumentException e) {
                r.problem(key + ": " + e.getMessage());
            }
        }
        return List.copyOf(names);
    }

    /** Collects the {@code <name>.url} keys and reports every other unknown key under the prefix. */
    private Map<String, String> urlsAndUnknownKeys(SettingsReader r) {
        Map<String, String> urls = new TreeMap<>();
        for (String key : r.keysUnder(PREFIX, BACKEND_PREFIXES)) {
            if (KNOWN_KEYS.contains(key)) {
                continue;
            }
            String credentialsOf = dataSourceOf(key, CREDENTIAL_HEADERS_SUFFIX);
            if (credentialsOf != null) {
                credentialHeadersByName.put(credentialsOf, headerNames(r, key));
                continue;
            }
            String dataSource = dataSourceOf(key, URL_SUFFIX);
            if (dataSource == null) {
                r.unknownKey(key, KNOWN_KEYS);
                continue;
            }
            r.trimmed(key).ifPresent(value -> {
                urlNames.add(dataSource);
                if (isAbsoluteHttpUrl(value)) {
                    urls.put(dataSource, value);
                } else {
                    r.problem(key + ": '" + value + "' is not an absolute http or https URL (e.g. https://api.example.com/v1/)");
                }
            });
        }
        return Map.copyOf(urls);
    }

    /** The data source name in {@code restdatasource.<name><suffix>}, or null when {@code key} is not such a key. */
    private static String dataSourceOf(String key, String suffix) {
        if (!key.endsWith(suffix)) {
            return null;
        }
        String name = key.substring(PREFIX.length(), key.length() - suffix.length());
        return name.isEmpty() || name.startsWith(".") || name.endsWith(".") ? null : name;
    }

    static boolean isAbsoluteHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

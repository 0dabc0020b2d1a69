package dev.restdatasource.internal.cdi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <tr><td>{@value #REQUEST_TIMEOUT}</td><td>30s</td><td>time allowed for one upstream exchange</td></tr>
 * <tr><td>{@value #MAX_REDIRECTS}</td><td>5</td><td>redirects followed per call; {@code 0} returns 3xx answers
 *     as they are</td></tr>
 * <tr><td>{@value #EXPOSE_UPSTREAM_DETAILS}</td><td>false</td><td>whether GraphQL clients may see upstream URLs and
 *     response bodies in errors</td></tr>
 * <tr><td>{@code restdatasource.<name>.url}</td><td>none</td><td>absolute http(s) base URL of the data source
 *     {@code <name>} (a {@code RESTDataSource}'s {@code name()}, or a Rest Client's configKey); wins over the
 *     base URL set in code</td></tr>
 * </table>
 *
 * <p>Durations are written {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or as ISO-8601 ({@code PT30S}) and
 * must be positive. Any other key under the prefix is an error (typo protection), so a misspelt key fails
 * deployment instead of being ignored, except the keys of the cache backend modules
 * ({@code restdatasource.infinispan.*}, {@code .hazelcast.*}, {@code .memcached.*}, {@code .redis.*}, see
 * {@link #BACKEND_PREFIXES}), which
 * those modules read themselves. Empty values count as absent (MicroProfile Config's rule).
 *
 * <p>Immutable and thread-safe.
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
    /** Redirects followed per call. */
    public static final String MAX_REDIRECTS = PREFIX + "max-redirects";
    /** Whether GraphQL clients may see upstream URLs and bodies. */
    public static final String EXPOSE_UPSTREAM_DETAILS = PREFIX + "expose-upstream-details";
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
            MAX_REDIRECTS, EXPOSE_UPSTREAM_DETAILS, PREFIX + "<name>" + URL_SUFFIX);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(KiB|MiB|GiB)?", Pattern.CASE_INSENSITIVE);

    private final long cacheMaxBytes;
    private final Duration cacheTimeout;
    private final Duration requestTimeout;
    private final int maxRedirects;
    private final boolean exposeUpstreamDetails;
    private final Map<String, String> urls;

    private DataSourceSettings(Reader r) {
        this.cacheMaxBytes = r.bytes(CACHE_MAX_BYTES, DEFAULT_CACHE_MAX_BYTES);
        this.cacheTimeout = r.duration(CACHE_TIMEOUT, dev.restdatasource.DataSourceConfig.DEFAULT_CACHE_TIMEOUT);
        this.requestTimeout = r.duration(REQUEST_TIMEOUT, dev.restdatasource.DataSourceConfig.DEFAULT_REQUEST_TIMEOUT);
        this.maxRedirects = r.nonNegativeInt(MAX_REDIRECTS, dev.restdatasource.DataSourceConfig.DEFAULT_MAX_REDIRECTS);
        this.exposeUpstreamDetails = r.bool(EXPOSE_UPSTREAM_DETAILS, false);
        this.urls = r.urlsAndUnknownKeys();
    }

    /**
     * Reads and validates every setting.
     *
     * @throws InvalidSettingsException listing every wrong value and unknown key, each message starting with its key
     */
    public static DataSourceSettings load(Config config) {
        Reader reader = new Reader(config);
        DataSourceSettings settings = new DataSourceSettings(reader);
        if (!reader.problems.isEmpty()) {
            throw new InvalidSettingsException(reader.problems);
        }
        return settings;
    }

    /** Returns the settings when nothing is configured. */
    public static DataSourceSettings defaults() {
        return new DataSourceSettings(new Reader(null));
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

    /** Returns {@value #MAX_REDIRECTS}, never negative. */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** Returns {@value #EXPOSE_UPSTREAM_DETAILS}: whether GraphQL clients may see upstream URLs and bodies. */
    public boolean exposeUpstreamDetails() {
        return exposeUpstreamDetails;
    }

    /** Returns {@code restdatasource.<name>.url}, a validated absolute http(s) URL, when configured. */
    public Optional<String> url(String name) {
        return Optional.ofNullable(urls.get(name));
    }

    /** Returns every configured {@code restdatasource.<name>.url}, by name, sorted. */
    public Map<String, String> urls() {
        return urls;
    }

    /** Returns the key of the base URL of data source {@code name}: {@code restdatasource.<name>.url}. */
    public static String urlKey(String name) {
        return PREFIX + name + URL_SUFFIX;
    }

    /**
     * Thrown by {@link #load} when settings are wrong; {@link #problems()} holds one message per key, each
     * starting with the key (e.g. {@code restdatasource.max-redirects: '-1' must be a whole number >= 0}).
     */
    public static final class InvalidSettingsException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidSettingsException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        /** Returns one message per wrong key, in key order of reading. */
        public List<String> problems() {
            return problems;
        }
    }

    /** Reads raw strings and records problems instead of stopping at the first. */
    private static final class Reader {
        private final Config config;
        private final List<String> problems = new ArrayList<>();

        Reader(Config config) {
            this.config = config;
        }

        private String raw(String key) {
            if (config == null) {
                return null;
            }
            try {
                return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
            } catch (RuntimeException e) { // e.g. an expression naming a missing property
                problems.add(key + ": cannot be read (" + e.getMessage() + ")");
                return null;
            }
        }

        long bytes(String key, long fallback) {
            String value = raw(key);
            if (value == null) {
                return fallback;
            }
            Matcher m = BYTES.matcher(value);
            if (m.matches()) {
                try {
                    long n = Long.parseLong(m.group(1));
                    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
                    int shift = switch (unit) {
                        case "kib" -> 10;
                        case "mib" -> 20;
                        case "gib" -> 30;
                        default -> 0;
                    };
                    if (n > 0 && n <= (Long.MAX_VALUE >> shift)) {
                        return n << shift;
                    }
                } catch (NumberFormatException tooLong) {
                    // reported below
                }
            }
            problems.add(key + ": '" + value + "' is not a size in bytes > 0 (use 67108864, 512KiB, 64MiB or 1GiB)");
            return fallback;
        }

        Duration duration(String key, Duration fallback) {
            String value = raw(key);
            if (value == null) {
                return fallback;
            }
            Duration d = parseDuration(value);
            if (d == null) {
                problems.add(key + ": '" + value + "' is not a duration (use 500ms, 30s, 2m or an ISO-8601 duration)");
                return fallback;
            }
            if (d.isZero() || d.isNegative()) {
                problems.add(key + ": '" + value + "' must be a positive duration");
                return fallback;
            }
            return d;
        }

        int nonNegativeInt(String key, int fallback) {
            String value = raw(key);
            if (value == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(key + ": '" + value + "' must be a whole number >= 0");
            return fallback;
        }

        boolean bool(String key, boolean fallback) {
            String value = raw(key);
            if (value == null) {
                return fallback;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            problems.add(key + ": '" + value + "' must be true or false");
            return fallback;
        }

        /** Collects the {@code <name>.url} keys and reports every other unknown key under the prefix. */
        Map<String, String> urlsAndUnknownKeys() {
            Map<String, String> urls = new TreeMap<>();
            if (config == null) {
                return Map.of();
            }
            TreeSet<String> names = new TreeSet<>();
            for (String name : config.getPropertyNames()) {
                if (name.startsWith(PREFIX) && BACKEND_PREFIXES.stream().noneMatch(name::startsWith)) {
                    names.add(name);
                }
            }
            for (String key : names) {
                if (KNOWN_KEYS.contains(key)) {
                    continue;
                }
                String dataSource = dataSourceOfUrlKey(key);
                if (dataSource == null) {
                    problems.add(key + ": unknown key; the known keys are " + String.join(", ", KNOWN_KEYS));
                    continue;
                }
                String value = raw(key);
                if (value == null) {
                    continue;
                }
                if (isAbsoluteHttpUrl(value)) {
                    urls.put(dataSource, value);
                } else {
                    problems.add(key + ": '" + value + "' is not an absolute http or https URL (e.g. https://api.example.com/v1/)");
                }
            }
            return Map.copyOf(urls);
        }

        private static String dataSourceOfUrlKey(String key) {
            if (!key.endsWith(URL_SUFFIX)) {
                return null;
            }
            String name = key.substring(PREFIX.length(), key.length() - URL_SUFFIX.length());
            return name.isEmpty() || name.startsWith(".") || name.endsWith(".") ? null : name;
        }
    }

    /**
     * Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or ISO-8601; null when it is none of these. Public so
     * that the backend modules read their durations the same way.
     */
    public static Duration parseDuration(String value) {
        Matcher m = SHORT_DURATION.matcher(value);
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } catch (NumberFormatException | ArithmeticException tooLong) {
                return null;
            }
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
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

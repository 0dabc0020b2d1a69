package dev.restdatasource;

import dev.restdatasource.internal.bridge.DataSourceEngine;
import dev.restdatasource.internal.bridge.DataSourceHooks;
import dev.restdatasource.internal.bridge.DataSourceRuntime;
import dev.restdatasource.internal.bridge.Urls;
import java.lang.System.Logger.Level;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The base class of a data source for one REST API, as Apollo's {@code RESTDataSource}.
 *
 * <pre>{@code
 * public class MoviesAPI extends RESTDataSource {
 *     public MoviesAPI(DataSourceConfig config) {
 *         super(config);
 *         setBaseURL("https://movies-api.example.com/");
 *     }
 *
 *     public Movie getMovie(String id) {
 *         return get("movies/{id}", id).as(Movie.class);
 *     }
 * }
 * }</pre>
 *
 * <p>Every call runs one pipeline, in this order (Apollo's hooks run in the same order): the configuration's
 * {@link RequestFilter}s → {@link #willSendRequest} →
 * {@link #resolveURL} → query parameters appended → body serialized ({@link #shouldJSONSerializeBody}) →
 * {@link #requestDeduplicationPolicyFor} (which calls {@link #cacheKeyFor}) → deduplication →
 * {@link #trace} around the HTTP cache and the transport ({@link #cacheOptionsFor} after an upstream
 * answer) → {@link #throwIfResponseIsError} ({@link #errorFromResponse}) → {@link #parseBody}. Errors
 * from the cache, transport, error check and parsing go through {@link #didEncounterError} once.
 *
 * <p>Hooks are synchronous; they run on the thread that makes the call or, for asynchronous calls,
 * on the thread that completed the previous step. An instance is meant to live for one GraphQL request
 * (deduplication is per instance) while the {@link DataSourceConfig} and its cache are shared. Calls may
 * be made concurrently.
 */
public abstract class RESTDataSource {
    private static final System.Logger LOG = System.getLogger(RESTDataSource.class.getName());

    private final Object lock = new Object();
    private DataSourceConfig config;
    private volatile DataSourceEngine engine;
    private volatile String baseURL;
    private volatile String configuredBaseURL;

    /** Creates a data source with {@link DataSourceConfig#defaults()} unless {@link #initialize} is called first. */
    protected RESTDataSource() {
    }

    /** Creates a data source with {@code config}. */
    protected RESTDataSource(DataSourceConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /**
     * Sets the configuration; integrations call this once, before the first call.
     *
     * @throws IllegalStateException when a call has already been made
     */
    public void initialize(DataSourceConfig config) {
        java.util.Objects.requireNonNull(config, "config");
        synchronized (lock) {
            if (engine != null) {
                throw new IllegalStateException("initialize must be called before the first request of " + getClass().getName());
            }
            this.config = config;
        }
    }

    /**
     * Returns this data source's name, which request filters and configuration keys use: the simple class
     * name by default (for {@code class MoviesAPI}, {@code "MoviesAPI"}), also when the instance is a subclass a
     * container generated (CDI interceptors and decorators: names containing {@code $$}, or synthetic classes).
     */
    public String name() {
        Class<?> c = getClass();
        while (c.getSuperclass() != RESTDataSource.class && (c.isSynthetic() || c.getName().contains("$$"))) {
            c = c.getSuperclass();
        }
        return c.getSimpleName();
    }

    /**
     * Returns the base URL relative paths resolve against, or null: the one given to {@link #overrideBaseURL}
     * when there is one, else the one given to {@link #setBaseURL}.
     */
    protected String baseURL() {
        String configured = configuredBaseURL;
        return configured != null ? configured : baseURL;
    }

    /** Sets the base URL (Apollo's {@code baseURL} property); a URL given to {@link #overrideBaseURL} wins over it. */
    protected void setBaseURL(String baseURL) {
        this.baseURL = baseURL;
    }

    /**
     * Sets a base URL from configuration (in CDI, {@code restdatasource.<name>.url}) that wins over any
     * {@link #setBaseURL} call, made before or after; null removes it. Integrations call it once, right after
     * construction. Thread-safe.
     */
    public void overrideBaseURL(String baseURL) {
        this.configuredBaseURL = baseURL;
    }

    // ---- Helpers that start a call ----
    // Not final only so that CDI can proxy request-scoped subclasses (CDI 4.0 §3.10); not meant to be overridden.

    /** Starts a GET; {@code pathValues} fill the path's {@code {name}} placeholders, each as one encoded segment. */
    protected DataSourceCall get(String path, Object... pathValues) {
        return call("GET", path, pathValues);
    }

    /** Starts a POST. */
    protected DataSourceCall post(String path, Object... pathValues) {
        return call("POST", path, pathValues);
    }

    /** Starts a PUT. */
    protected DataSourceCall put(String path, Object... pathValues) {
        return call("PUT", path, pathValues);
    }

    /** Starts a PATCH. */
    protected DataSourceCall patch(String path, Object... pathValues) {
        return call("PATCH", path, pathValues);
    }

    /** Starts a DELETE. */
    protected DataSourceCall delete(String path, Object... pathValues) {
        return call("DELETE", path, pathValues);
    }

    /** Starts a HEAD; run it with {@link DataSourceCall#fetch()} (Apollo's {@code head} returns the response too). */
    protected DataSourceCall head(String path, Object... pathValues) {
        return call("HEAD", path, pathValues);
    }

    /** Starts a call with any method (Apollo's {@code fetch}). */
    protected DataSourceCall call(String method, String path, Object... pathValues) {
        return new DataSourceCall(this, method, path, pathValues);
    }

    // ---- Hooks, in pipeline order ----

    /** Changes a call before anything else happens (headers, parameters, body, method). Runs for every call. */
    protected void willSendRequest(String path, DataSourceRequest request) {
    }

    /**
     * Turns the path into a URL. The default resolves it against {@link #baseURL()} like a browser link,
     * as Apollo does, with each {@code {name}} placeholder replaced by one percent-encoded segment, so
     * a value such as {@code ../admin} or {@code https://evil} can never change the host or leave the base path.
     * Absolute URLs are used only when written literally in the path.
     */
    protected URI resolveURL(String path, DataSourceRequest request) {
        return engine().resolveURL(baseURL(), path, request);
    }

    /** Decides whether a body is sent as JSON: every object except a String, byte[] and null. */
    protected boolean shouldJSONSerializeBody(Object body) {
        return body != null && !(body instanceof String) && !(body instanceof byte[]);
    }

    /**
     * Returns the cache and deduplication key: the call's {@code cacheKey}, else {@code "<METHOD> <url>"} as in Apollo,
     * the URL without user information ({@code user:password@} never reaches a store).
     */
    protected String cacheKeyFor(URI url, DataSourceRequest request) {
        String explicit = request.cacheKey();
        return explicit != null ? explicit : request.method() + " " + Urls.withoutUserInfo(url);
    }

    /**
     * Returns the deduplication policy, Apollo's default: GET and HEAD share identical calls in flight; other
     * methods are not shared and invalidate the GET and HEAD keys of the same URL.
     */
    protected DeduplicationPolicy requestDeduplicationPolicyFor(URI url, DataSourceRequest request) {
        String method = request.method();
        if (method.equals("GET") || method.equals("HEAD")) {
            return DeduplicationPolicy.duringRequestLifetime(cacheKeyFor(url, request));
        }
        return DeduplicationPolicy.doNotDeduplicate(List.of(
                cacheKeyFor(url, request.withMethod("GET")),
                cacheKeyFor(url, request.withMethod("HEAD"))));
    }

    /** Returns a TTL override for a response just received from upstream, or null to follow HTTP headers. */
    protected CacheOptions cacheOptionsFor(URI url, DataSourceResponse response, DataSourceRequest request) {
        return null;
    }

    /**
     * Wraps each call that reaches the HTTP cache (deduplicated callers excepted). The default logs
     * {@code "<METHOD> <url> (<ms>ms)"} at DEBUG level.
     */
    protected CompletionStage<DataSourceResponse> trace(URI url, DataSourceRequest request,
            Supplier<CompletionStage<DataSourceResponse>> call) {
        if (!LOG.isLoggable(Level.DEBUG)) {
            return call.get();
        }
        long start = System.nanoTime();
        return call.get().whenComplete((response, error) -> LOG.log(Level.DEBUG, () -> request.method() + " " + Urls.withoutUserInfo(url)
                + " (" + (System.nanoTime() - start) / 1_000_000 + "ms)"));
    }

    /** Throws {@link #errorFromResponse} when the status is not 2xx. Override to accept other statuses. */
    protected void throwIfResponseIsError(URI url, DataSourceRequest request, DataSourceResponse response) {
        if (!response.isSuccessful()) {
            throw errorFromResponse(url, request, response);
        }
    }

    /**
     * Builds the error for a non-2xx response: message {@code "<status>: <statusText>"} as in Apollo, the code for
     * the status ({@link ErrorCode#forStatus}), the URL and the parsed error body (JSON or text).
     */
    protected DataSourceException errorFromResponse(URI url, DataSourceRequest request, DataSourceResponse response) {
        return engine().errorFromResponse(url, request, response);
    }

    /**
     * Turns a successful response body into {@code type}: JSON (by JSON-B) when the content type is JSON
     * ({@code application/json}, or any {@code +json} type, with parameters, in any case); a String or byte[]
     * whatever the content type; null for an empty body. A body that is not JSON where an object is expected
     * fails with {@link ErrorCode#INVALID_UPSTREAM_RESPONSE}, naming the URL and the content type.
     */
    protected Object parseBody(DataSourceResponse response, Type type) {
        return engine().parseBody(response, type);
    }

    /**
     * Sees every error raised while fetching, reading the cache, checking the status or parsing, once
     * per call. Throw another exception to replace it; returning rethrows {@code error}.
     */
    protected void didEncounterError(RuntimeException error, DataSourceRequest request, URI url) {
    }

    // ---- Wiring ----

    DataSourceEngine engine() { // not final: CDI must be able to proxy request-scoped subclasses
        DataSourceEngine e = engine;
        if (e == null) {
            synchronized (lock) {
                e = engine;
                if (e == null) {
                    DataSourceConfig c = config != null ? config : DataSourceConfig.defaults();
                    e = DataSourceRuntime.get().newEngine(c, new Hooks());
                    engine = e;
                }
            }
        }
        return e;
    }

    /** Forwards the engine's calls to the protected hooks. */
    private final class Hooks implements DataSourceHooks {
        @Override
        public String name() {
            return RESTDataSource.this.name();
        }

        @Override
        public void willSendRequest(String path, DataSourceRequest request) {
            RESTDataSource.this.willSendRequest(path, request);
        }

        @Override
        public URI resolveURL(String path, DataSourceRequest request) {
            return RESTDataSource.this.resolveURL(path, request);
        }

        @Override
        public boolean shouldJSONSerializeBody(Object body) {
            return RESTDataSource.this.shouldJSONSerializeBody(body);
        }

        @Override
        public String cacheKeyFor(URI url, DataSourceRequest request) {
            return RESTDataSource.this.cacheKeyFor(url, request);
        }

        @Override
        public DeduplicationPolicy requestDeduplicationPolicyFor(URI url, DataSourceRequest request) {
            return RESTDataSource.this.requestDeduplicationPolicyFor(url, request);
        }

        @Override
        public CacheOptions cacheOptionsFor(URI url, DataSourceResponse response, DataSourceRequest request) {
            return RESTDataSource.this.cacheOptionsFor(url, response, request);
        }

        @Override
        public CompletionStage<DataSourceResponse> trace(URI url, DataSourceRequest request,
                Supplier<CompletionStage<DataSourceResponse>> call) {
            return RESTDataSource.this.trace(url, request, call);
        }

        @Override
        public void throwIfResponseIsError(URI url, DataSourceRequest request, DataSourceResponse response) {
            RESTDataSource.this.throwIfResponseIsError(url, request, response);
        }

        @Override
        public DataSourceException errorFromResponse(URI url, DataSourceRequest request, DataSourceResponse response) {
            return RESTDataSource.this.errorFromResponse(url, request, response);
        }

        @Override
        public Object parseBody(DataSourceResponse response, Type type) {
            return RESTDataSource.this.parseBody(response, type);
        }

        @Override
        public void didEncounterError(RuntimeException error, DataSourceRequest request, URI url) {
            RESTDataSource.this.didEncounterError(error, request, url);
        }
    }
}

package dev.restdatasource.internal.pipeline;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.DeduplicationPolicy;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.RequestFilter;
import dev.restdatasource.internal.cache.Exchange;
import dev.restdatasource.internal.cache.HttpCache;
import dev.restdatasource.internal.dedup.Deduplicator;
import dev.restdatasource.internal.http.MediaTypes;
import dev.restdatasource.internal.http.UrlResolver;
import dev.restdatasource.internal.json.Json;
import dev.restdatasource.internal.bridge.DataSourceEngine;
import dev.restdatasource.internal.bridge.DataSourceHooks;
import dev.restdatasource.spi.Transport;
import dev.restdatasource.spi.TransportRequest;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The pipeline of one data-source instance. Steps, in order: request filters → willSendRequest → resolveURL → parameters →
 * body serialization → deduplication → trace(redirects → HTTP cache → transport) → status check →
 * parsing. The HTTP cache and transport are shared by every engine of the configuration ({@link Shared}); the
 * deduplication map belongs to this instance. Thread-safe.
 */
final class Engine implements DataSourceEngine {
    private final DataSourceConfig config;
    private final HttpCache httpCache;
    private final Transport transport;
    private final DataSourceHooks hooks;
    private final Deduplicator deduplicator = new Deduplicator();

    Engine(DataSourceConfig config, HttpCache httpCache, Transport transport, DataSourceHooks hooks) {
        this.config = config;
        this.httpCache = httpCache;
        this.transport = transport;
        this.hooks = hooks;
    }

    @Override
    public CompletionStage<Object> execute(String path, DataSourceRequest request, Type resultType) {
        URI url;
        Exchange exchange;
        DeduplicationPolicy policy;
        // Errors in these steps are the caller's mistakes: they fail the call without didEncounterError (§6.10).
        try {
            for (RequestFilter filter : config.requestFilters()) {
                filter.filter(hooks.name(), request);
            }
            hooks.willSendRequest(path, request);
            url = UrlResolver.appendParams(hooks.resolveURL(path, request), request.params());
            exchange = exchange(url, request);
            policy = hooks.requestDeduplicationPolicyFor(url, request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Deduplicator.Shared call = deduplicator.run(policy, Fingerprints.credentials(exchange.headers()),
                () -> hooks.trace(url, request,
                        () -> followRedirects(exchange.withCacheKey(hooks.cacheKeyFor(url, request)), 0)));
        return call.response().handle((response, error) -> {
            try {
                if (error != null) {
                    throw transportFailure(error, request, url);
                }
                return complete(call.deduplicated() ? response.toBuilder().deduplicated(true).build() : response,
                        request, url, resultType);
            } catch (RuntimeException e) {
                // A deduplicated caller does not report the shared failure again (§6.11).
                if (!(call.deduplicated() && error != null)) {
                    hooks.didEncounterError(e, request, url);
                }
                throw e;
            }
        });
    }

    private Object complete(DataSourceResponse response, DataSourceRequest request, URI url, Type resultType) {
        if (resultType == DataSourceResponse.class) {
            if (request.throwOnErrorStatus()) {
                hooks.throwIfResponseIsError(url, request, response);
            }
            return response;
        }
        if (response.status() == 404 && request.notFoundAsNull()) {
            return null;
        }
        if (request.throwOnErrorStatus()) {
            hooks.throwIfResponseIsError(url, request, response); // before parsing, unlike Apollo §5.6
        }
        return hooks.parseBody(response, resultType);
    }

    private Exchange exchange(URI url, DataSourceRequest request) {
        Object body = request.body();
        if (body != null && (request.method().equals("GET") || request.method().equals("HEAD"))) {
            // Apollo's default fetcher refuses it too (§1.5); the cache and dedup keys of a GET leave bodies out.
            throw new IllegalArgumentException("A " + request.method() + " cannot have a body: " + url.getPath());
        }
        byte[] bytes = null;
        if (body != null) {
            if (hooks.shouldJSONSerializeBody(body)) {
                bytes = Json.toJson(body);
                if (request.header("content-type") == null) {
                    request.header("content-type", "application/json");
                }
            } else if (body instanceof byte[] b) {
                bytes = b.clone();
            } else {
                bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                if (request.header("content-type") == null) {
                    request.header("content-type", "text/plain; charset=UTF-8");
                }
            }
        }
        Duration timeout = request.timeout() != null ? request.timeout() : config.requestTimeout();
        CacheOptions perCall = request.cacheOptions();
        return new Exchange(request.method(), url, request.headers(), bytes, timeout, null, request.skipCache(),
                response -> perCall != null ? perCall : hooks.cacheOptionsFor(url, response, request),
                target -> getKeyFor(target, url, request));
    }

    /** The key a GET to {@code target} would have: for the call's own URL its explicit key counts too. */
    private String getKeyFor(URI target, URI url, DataSourceRequest request) {
        DataSourceRequest get = request.withMethod("GET");
        if (!target.equals(url)) {
            get.cacheKey(null); // an explicit key names the call's own URL, not a Location it invalidates
        }
        return hooks.cacheKeyFor(target, get);
    }

    /** Follows redirects, each hop through the HTTP cache under its own URL (Apollo caches the last hop under the first, §9.16). */
    private CompletionStage<DataSourceResponse> followRedirects(Exchange exchange, int hops) {
        return httpCache.fetch(exchange, this::send).thenCompose(response -> {
            Exchange next = Redirects.next(exchange, response, hops, config.maxRedirects());
            return next == null ? CompletableFuture.completedFuture(response) : followRedirects(next, hops + 1);
        });
    }

    private CompletionStage<DataSourceResponse> send(Exchange x) {
        return transport.send(new TransportRequest(x.method(), x.url(), x.headers(), x.body(), x.timeout()));
    }

    /** Maps a transport failure to a DataSourceException with the right code. */
    private static RuntimeException transportFailure(Throwable error, DataSourceRequest request, URI url) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof DataSourceException e) {
            return e;
        }
        String target = request.method() + " " + url;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return new DataSourceException("Upstream unavailable: " + target + " could not connect (" + describe(cause) + ")",
                    ErrorCode.UPSTREAM_UNAVAILABLE, 0, "", url, null, cause);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new DataSourceException("Upstream timeout: " + target + " did not answer in time",
                    ErrorCode.UPSTREAM_TIMEOUT, 0, "", url, null, cause);
        }
        if (cause instanceof IOException) {
            return new DataSourceException("Upstream unavailable: " + target + " failed (" + describe(cause) + ")",
                    ErrorCode.UPSTREAM_UNAVAILABLE, 0, "", url, null, cause);
        }
        if (cause instanceof RuntimeException e) {
            return e;
        }
        return new CompletionException(cause);
    }

    private static String describe(Throwable t) {
        return t.getMessage() != null ? t.getClass().getSimpleName() + ": " + t.getMessage() : t.getClass().getSimpleName();
    }

    // ---- default hook behaviour ----

    @Override
    public URI resolveURL(String baseURL, String path, DataSourceRequest request) {
        return UrlResolver.resolve(baseURL, path, request.pathValues());
    }

    @Override
    public Object parseBody(DataSourceResponse response, Type type) {
        if (type == String.class) {
            return response.bodyAsString();
        }
        if (type == byte[].class) {
            return response.body();
        }
        if (type == Void.class || type == void.class || response.bodyLength() == 0 || response.status() == 204) {
            return null;
        }
        String contentType = response.headers().first("content-type");
        if (!MediaTypes.isJson(contentType)) {
            if (type == Object.class) {
                return response.bodyAsString(); // as Apollo: non-JSON bodies come back as text (§5.1)
            }
            throw invalidBody(response, "expected JSON but the content type is "
                    + (contentType == null ? "missing" : "'" + contentType + "'"), null);
        }
        try {
            return Json.fromJson(response.bodyStream(), type);
        } catch (JsonbException | ClassCastException e) {
            throw invalidBody(response, "the JSON body (content type '" + contentType + "') cannot be read as "
                    + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    private static DataSourceException invalidBody(DataSourceResponse response, String problem, Throwable cause) {
        return new DataSourceException("Invalid response from " + response.url() + ": " + problem,
                ErrorCode.INVALID_UPSTREAM_RESPONSE, response.status(), response.statusText(), response.url(), null, cause);
    }

    @Override
    public DataSourceException errorFromResponse(URI url, DataSourceRequest request, DataSourceResponse response) {
        Object body = null;
        if (response.bodyLength() > 0) {
            body = response.bodyAsString();
            if (MediaTypes.isJson(response.headers().first("content-type"))) {
                try {
                    body = Json.fromJson(response.bodyStream(), Object.class);
                } catch (JsonbException e) {
                    // A malformed JSON error body stays text: the HTTP error is what matters (§5.6 fixed).
                }
            }
        }
        return new DataSourceException(response.status() + ": " + response.statusText(),
                ErrorCode.forStatus(response.status()), response.status(), response.statusText(), url, body, null);
    }
}

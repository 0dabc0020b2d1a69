package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.internal.bridge.DataSourceEngine;
import dev.restdatasource.internal.bridge.DataSourceHooks;
import dev.restdatasource.internal.bridge.Failures;
import dev.restdatasource.internal.bridge.ResponseMarks;
import dev.restdatasource.internal.bridge.Urls;
import dev.restdatasource.internal.dedup.Deduplicator;
import dev.restdatasource.internal.http.MediaTypes;
import dev.restdatasource.internal.http.UrlResolver;
import dev.restdatasource.internal.json.Json;
import dev.restdatasource.internal.json.JsonBinding;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * Runs the calls of one data-source instance: each call goes through the configuration's {@link Pipeline} (shared by
 * every data source of that configuration, see there for the steps), then becomes the caller's result here: the
 * {@code deduplicated} flag for a caller that joined a call in flight, {@code throwIfResponseIsError} before parsing,
 * 404 as null when asked, {@code parseBody}; transport failures are mapped to coded {@link DataSourceException}s and
 * reported through {@code didEncounterError}; each failed call is then told once to the call's events
 * ({@link CallEvents#failed}), and every call's end ({@link CallEvents#end}). The deduplication map belongs to this instance. Thread-safe.
 */
final class Engine implements DataSourceEngine {
    private final Pipeline pipeline;
    private final DataSourceHooks hooks;
    private final Deduplicator deduplicator = new Deduplicator();

    Engine(Pipeline pipeline, DataSourceHooks hooks) {
        this.pipeline = pipeline;
        this.hooks = hooks;
    }

    @Override
    public CompletionStage<Object> execute(String path, DataSourceRequest request, Type resultType) {
        Call call = new Call(hooks, deduplicator, path, request);
        call.events(pipeline.eventsFor());
        CompletionStage<DataSourceResponse> pending;
        try {
            pending = pipeline.proceed(call);
        } catch (RuntimeException e) {
            // Thrown by a step before deduplication: the caller's mistake, failing the call without didEncounterError.
            ended(call, call.events(), null, e);
            return CompletableFuture.failedFuture(e);
        }
        boolean deduplicated = call.deduplicated();
        URI url = call.url();
        return pending.handle((response, error) -> {
            CallEvents events = call.events(); // read here, not captured: the stage's closure stays as small as before
            try {
                if (error != null) {
                    throw transportFailure(error, request, url);
                }
                Object result = complete(deduplicated ? ResponseMarks.get().deduplicated(response.toBuilder()).build() : response,
                        request, url, resultType);
                events.end(call, response, null);
                return result;
            } catch (RuntimeException e) {
                // A caller that joined a call in flight does not report the shared failure again.
                if (!(deduplicated && error != null)) {
                    try {
                        hooks.didEncounterError(e, request, url);
                    } catch (RuntimeException replaced) {
                        ended(call, events, response, replaced);
                        throw replaced;
                    }
                    events.failed(call, e);
                }
                events.end(call, response, e);
                throw e;
            }
        });
    }

    /** Tells the events that {@code call} failed with {@code error}, then that it ended. */
    private static void ended(Call call, CallEvents events, DataSourceResponse response, RuntimeException error) {
        events.failed(call, error);
        events.end(call, response, error);
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
            hooks.throwIfResponseIsError(url, request, response); // before parsing, unlike Apollo, which parses first
        }
        return hooks.parseBody(response, resultType);
    }

    /** Maps a transport failure to a DataSourceException with the right code. */
    private static RuntimeException transportFailure(Throwable error, DataSourceRequest request, URI url) {
        Throwable cause = Failures.unwrap(error);
        if (cause instanceof DataSourceException e) {
            return e;
        }
        String target = request.method() + " " + Urls.withoutUserInfo(url);
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
        return UrlResolver.resolve(baseURL, path, request.pathValues(), hooks.name());
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
                return response.bodyAsString(); // as Apollo: non-JSON bodies come back as text
            }
            throw invalidBody(response, "expected JSON but the content type is "
                    + (contentType == null ? "missing" : "'" + contentType + "'"), null);
        }
        JsonBinding.require(); // without JSON-B a JSON body cannot be read: say which dependency is missing
        try {
            return Json.fromJson(ResponseMarks.get().body(response), type); // the body array itself: parsing only reads it
        } catch (RuntimeException e) { // not a catch of JsonbException: this class must load without JSON-B
            if (!(e instanceof ClassCastException) && !Json.isMalformed(e)) {
                throw e;
            }
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
            // Without JSON-B a JSON error body stays text: the HTTP error is what matters.
            if (MediaTypes.isJson(response.headers().first("content-type")) && JsonBinding.present()) {
                try {
                    body = Json.fromJson(response.bodyStream(), Object.class);
                } catch (RuntimeException e) {
                    // A malformed JSON error body, or one nested deeper than Json.MAX_DEPTH, stays text: the HTTP error
                    // is what matters (Apollo throws the parse error instead).
                    if (!Json.isMalformed(e)) {
                        throw e;
                    }
                }
            }
        }
        return new DataSourceException(response.status() + ": " + response.statusText(),
                ErrorCode.forStatus(response.status()), response.status(), response.statusText(), url, body, null);
    }
}

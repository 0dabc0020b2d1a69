package dev.restdatasource.internal.pipeline;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.internal.bridge.DataSourceHooks;
import dev.restdatasource.internal.cache.Exchange;
import dev.restdatasource.internal.http.UrlResolver;
import dev.restdatasource.internal.json.Json;
import dev.restdatasource.internal.json.JsonBinding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Turns the call into what the later steps send: the URL from the {@code resolveURL} hook with the query parameters
 * appended, the body serialized (JSON when {@code shouldJSONSerializeBody} says so, bytes as they are, anything else
 * as UTF-8 text, each with a default content type), and the timeout (the call's, else the configuration's). A GET
 * or HEAD with a body is refused.
 */
final class ResolveUrlStep implements Step {
    private final Duration defaultTimeout;

    ResolveUrlStep(Duration defaultTimeout) {
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public CompletionStage<DataSourceResponse> intercept(Call call, Chain next) {
        DataSourceRequest request = call.request();
        DataSourceHooks hooks = call.hooks();
        URI url = UrlResolver.appendParams(hooks.resolveURL(call.path(), request), request.params());
        call.resolved(url, exchange(url, request, hooks));
        call.events().start(call);
        return next.proceed(call);
    }

    private Exchange exchange(URI url, DataSourceRequest request, DataSourceHooks hooks) {
        Object body = request.body();
        if (body != null && (request.method().equals("GET") || request.method().equals("HEAD"))) {
            // Apollo's default fetcher refuses it too; the cache and dedup keys of a GET leave bodies out.
            throw new IllegalArgumentException("A " + request.method() + " cannot have a body: " + url.getPath());
        }
        byte[] bytes = null;
        if (body != null) {
            if (hooks.shouldJSONSerializeBody(body)) {
                JsonBinding.require();
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
        Duration timeout = request.timeout() != null ? request.timeout() : defaultTimeout;
        CacheOptions perCall = request.cacheOptions();
        return new Exchange(request.method(), url, request.headers(), bytes, timeout, null, request.skipCache(),
                response -> perCall != null ? perCall : hooks.cacheOptionsFor(url, response, request),
                target -> getKeyFor(target, url, request, hooks));
    }

    /** The key a GET to {@code target} would have: for the call's own URL its explicit key counts too. */
    private static String getKeyFor(URI target, URI url, DataSourceRequest request, DataSourceHooks hooks) {
        DataSourceRequest get = request.withMethod("GET");
        if (!target.equals(url)) {
            get.cacheKey(null); // an explicit key names the call's own URL, not a Location it invalidates
        }
        return hooks.cacheKeyFor(target, get);
    }
}

package dev.restdatasource.internal.restclient;

import dev.restdatasource.DataSourceCall;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.RESTDataSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The data source behind one MicroProfile Rest Client interface for one GraphQL request: a {@link RESTDataSource}
 * whose every hook keeps its default except the name (the configKey) and {@link #resolveURL}, which takes the URI the
 * Rest Client already built. Being a subclass, it runs the very same pipeline (request filters, deduplication,
 * shared HTTP cache, error mapping) with no step copied. Deduplication is per instance. Thread-safe.
 */
final class RestClientDataSource extends RESTDataSource {
    /** What one upstream exchange gave: the response and, for a non-2xx status, the error it maps to. */
    record Outcome(DataSourceResponse response, DataSourceException error) {
    }

    private final String name;

    RestClientDataSource(String name, DataSourceConfig config) {
        super(config);
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** The path is the absolute, already encoded URI the Rest Client built; it is used as it is. */
    @Override
    protected URI resolveURL(String path, DataSourceRequest request) {
        return URI.create(path);
    }

    /**
     * Sends one request through the pipeline, with the configuration's request timeout; a non-2xx answer completes
     * normally, with the error that {@link #errorFromResponse} makes of it.
     */
    CompletionStage<Outcome> send(String method, URI uri, Map<String, List<String>> headers, Object body) {
        DataSourceCall call = call(method, uri.toString()).body(body).throwOnErrorStatus(false);
        DataSourceRequest request = call.request();
        headers.forEach((headerName, values) -> values.forEach(v -> request.addHeader(headerName, v)));
        return call.fetchAsync().thenApply(response -> new Outcome(response,
                response.isSuccessful() ? null : errorFromResponse(uri, request, response)));
    }

    /** Maps a non-2xx response that did not come from {@link #send} (e.g. one changed by a response filter). */
    DataSourceException errorFor(URI url, DataSourceResponse response) {
        return errorFromResponse(url, new DataSourceRequest("GET", List.of()), response);
    }
}

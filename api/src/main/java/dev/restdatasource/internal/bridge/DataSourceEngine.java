package dev.restdatasource.internal.bridge;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * The pipeline behind one data-source instance, and the default behaviour of the hooks that need more
 * than the API module holds. Created by {@link DataSourceRuntime}; thread-safe.
 */
public interface DataSourceEngine {
    /**
     * Runs a call through the pipeline: request filters, {@code willSendRequest}, URL resolution and body
     * serialization, deduplication, {@code trace}, redirects, HTTP cache, transport; then the status check, error
     * mapping and body parsing.
     *
     * @param path       the path or path template as the caller wrote it
     * @param request    the call; hooks may change it
     * @param resultType the type to parse the body into, or {@code DataSourceResponse.class} for the raw response
     * @return the parsed result (null for an empty body, or a 404 with {@code notFoundAsNull}); fails with a
     *         {@link DataSourceException} (or what {@code didEncounterError} throws)
     */
    CompletionStage<Object> execute(String path, DataSourceRequest request, Type resultType);

    /** The default {@code resolveURL}: expands path placeholders as single encoded segments under {@code baseURL}. */
    URI resolveURL(String baseURL, String path, DataSourceRequest request);

    /** The default {@code parseBody}: JSON by JSON-B when the content type is JSON, else String or bytes. */
    Object parseBody(DataSourceResponse response, Type type);

    /** The default {@code errorFromResponse}: a {@link DataSourceException} with the code for the status. */
    DataSourceException errorFromResponse(URI url, DataSourceRequest request, DataSourceResponse response);
}

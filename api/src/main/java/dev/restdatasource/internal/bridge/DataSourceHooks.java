package dev.restdatasource.internal.bridge;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.DeduplicationPolicy;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The overridable steps of a data source as the engine calls them. {@code RESTDataSource} implements
 * it by forwarding to its protected hook methods; see those for each step's meaning and order.
 */
public interface DataSourceHooks {
    /** The data source's name, for request filters. */
    String name();

    void willSendRequest(String path, DataSourceRequest request);

    URI resolveURL(String path, DataSourceRequest request);

    boolean shouldJSONSerializeBody(Object body);

    String cacheKeyFor(URI url, DataSourceRequest request);

    DeduplicationPolicy requestDeduplicationPolicyFor(URI url, DataSourceRequest request);

    CacheOptions cacheOptionsFor(URI url, DataSourceResponse response, DataSourceRequest request);

    CompletionStage<DataSourceResponse> trace(URI url, DataSourceRequest request,
            Supplier<CompletionStage<DataSourceResponse>> call);

    void throwIfResponseIsError(URI url, DataSourceRequest request, DataSourceResponse response);

    DataSourceException errorFromResponse(URI url, DataSourceRequest request, DataSourceResponse response);

    Object parseBody(DataSourceResponse response, Type type);

    void didEncounterError(RuntimeException error, DataSourceRequest request, URI url);
}

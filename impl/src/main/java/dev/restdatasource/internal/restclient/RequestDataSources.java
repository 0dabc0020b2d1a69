package dev.restdatasource.internal.restclient;

import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Rest Client data sources of one request scope (one GraphQL request), one per {@link DataSourceLocator} (configKey
 * and pipeline settings), so identical GET
 * calls made while resolving one query are deduplicated while the HTTP cache stays shared. Added as a bean by
 * {@link RestClientDataSourceExtension}, which also has it created when the request scope starts. Thread-safe.
 */
@RequestScoped
public class RequestDataSources {
    private final Map<DataSourceLocator, RestClientDataSource> byLocator = new ConcurrentHashMap<>();

    /** Required by CDI. */
    public RequestDataSources() {
    }

    RestClientDataSource get(DataSourceLocator locator, Function<DataSourceLocator, RestClientDataSource> factory) {
        return byLocator.computeIfAbsent(locator, factory);
    }
}

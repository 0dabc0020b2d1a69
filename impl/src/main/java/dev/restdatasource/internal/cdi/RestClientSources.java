package dev.restdatasource.internal.cdi;

import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Rest Client data sources of one request scope (one GraphQL request), one per {@link SourceLookup} (configKey
 * and pipeline settings), so identical GET
 * calls made while resolving one query are deduplicated while the HTTP cache stays shared. Added as a bean by
 * {@link RestClientDataSourceExtension}, which also has it created when the request scope starts. Thread-safe.
 */
@RequestScoped
public class RestClientSources {
    private final Map<SourceLookup, RestClientSource> byLookup = new ConcurrentHashMap<>();

    /** Required by CDI. */
    public RestClientSources() {
    }

    RestClientSource get(SourceLookup lookup, Function<SourceLookup, RestClientSource> factory) {
        return byLookup.computeIfAbsent(lookup, factory);
    }
}

package dev.restdatasource.impl.cdi;

import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Rest Client data sources of one request scope (one GraphQL request), one per {@link SourceLookup} (configKey
 * and pipeline settings), so identical GET
 * calls made while resolving one query are deduplicated while the HTTP cache stays shared. Added as a bean by
 * {@link RestClientDataSourceExtension}. Created when the request scope starts, not on first use: a resolver run in a
 * context-propagating task (SmallRye's batch and async fetchers on Open Liberty) may not create request-scoped beans
 * (Liberty: CWWKC1158E "access the CDI beans before context is captured"). Thread-safe.
 */
@RequestScoped
public class RestClientSources {
    private final Map<SourceLookup, RestClientSource> byLookup = new ConcurrentHashMap<>();

    /** Required by CDI. */
    public RestClientSources() {
    }

    /** Delivering the event makes CDI create this request's instance while the request scope starts; nothing to do. */
    void createdWithTheRequest(@Observes @Initialized(RequestScoped.class) Object requestScopeStarted) {
    }

    RestClientSource get(SourceLookup lookup, Function<SourceLookup, RestClientSource> factory) {
        return byLookup.computeIfAbsent(lookup, factory);
    }
}

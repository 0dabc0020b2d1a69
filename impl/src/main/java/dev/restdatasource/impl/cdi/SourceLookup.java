package dev.restdatasource.impl.cdi;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceContext;
import dev.restdatasource.impl.graphql.GraphQLErrors;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Finds the data source of one Rest Client interface for the current request scope: the one kept in
 * {@link RestClientSources} when a request scope is active, else a new one (the call then shares the HTTP cache but
 * no deduplication with other calls). The application's {@link DataSourceConfig} bean is looked up once; without
 * one, {@link DataSourceConfig#defaults()} applies. Thread-safe.
 */
final class SourceLookup {
    private final String name;
    private final BeanManager beanManager;
    private volatile DataSourceConfig config;
    private volatile GraphQLErrors errors;

    SourceLookup(String name, BeanManager beanManager) {
        this.name = name;
        this.beanManager = beanManager;
    }

    /** Returns the data source to use for a call starting on this thread. */
    RestClientSource current() {
        if (!requestScopeActive()) {
            return newSource(name);
        }
        return beanManager.createInstance().select(RestClientSources.class).get().get(name, this::newSource);
    }

    private RestClientSource newSource(String key) {
        return new RestClientSource(key, config());
    }

    private boolean requestScopeActive() {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    /**
     * Returns a copy of the incoming request's context for a call that continues on another thread (the
     * application's {@link DataSourceContext} bean when it is the {@link ServletDataSourceContext}), or null when
     * no request scope is active or the application replaced the context bean.
     */
    DataSourceContext contextSnapshot() {
        if (!requestScopeActive()) {
            return null;
        }
        Instance<DataSourceContext> found = beanManager.createInstance().select(DataSourceContext.class);
        if (found.isResolvable() && found.get() instanceof ServletDataSourceContext servlet) {
            return servlet.snapshot();
        }
        return null;
    }

    /** Returns the mapper for GraphQL clients, following {@value DataSourceSettings#EXPOSE_UPSTREAM_DETAILS}. */
    GraphQLErrors errors() {
        GraphQLErrors e = errors;
        if (e == null) {
            Instance<DataSourceSettings> found = beanManager.createInstance().select(DataSourceSettings.class);
            DataSourceSettings settings = found.isResolvable() ? found.get()
                    : DataSourceSettings.load(ConfigProvider.getConfig());
            e = new GraphQLErrors(settings.exposeUpstreamDetails());
            errors = e;
        }
        return e;
    }

    private DataSourceConfig config() {
        DataSourceConfig c = config;
        if (c == null) {
            Instance<DataSourceConfig> found = beanManager.createInstance().select(DataSourceConfig.class);
            c = found.isResolvable() ? found.get() : DataSourceConfig.defaults();
            config = c;
        }
        return c;
    }
}

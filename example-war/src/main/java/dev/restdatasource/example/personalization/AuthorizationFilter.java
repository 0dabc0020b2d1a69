package dev.restdatasource.example.personalization;

import dev.restdatasource.DataSourceContext;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.RequestFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Passes the GraphQL caller's {@code Authorization} header on to the personalization service, and only there:
 * the movie catalogue never sees it. A {@link RequestFilter} bean: the library's CDI integration applies it to
 * every data source's calls, which is why it checks the data source's name (a Rest Client's configKey). The
 * incoming request is read through {@link DataSourceContext}, never through servlet APIs.
 */
@ApplicationScoped
public class AuthorizationFilter implements RequestFilter {
    /** The data source this filter serves: the configKey of {@link PersonalizationClient}. */
    static final String DATA_SOURCE = "personalization";

    @Inject
    DataSourceContext context;

    @Override
    public void filter(String dataSource, DataSourceRequest request) {
        if (!DATA_SOURCE.equals(dataSource)) {
            return;
        }
        String authorization = context.header("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
    }
}

package dev.restdatasource.example.personalization;

import dev.restdatasource.DataSourceContext;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.RequestFilter;

/**
 * Passes the GraphQL caller's {@code Authorization} header on to the personalization service, and only there.
 *
 * <p>TODO(CDI integration): becomes an {@code @ApplicationScoped} bean with {@code @Inject DataSourceContext}
 * once the integration provides the request-scoped context and picks up {@link RequestFilter} beans. It is not a
 * bean yet (no bean-defining annotation), so nothing tries to inject it.
 */
public class AuthorizationFilter implements RequestFilter {
    private final DataSourceContext context;

    public AuthorizationFilter(DataSourceContext context) {
        this.context = context;
    }

    @Override
    public void filter(String dataSource, DataSourceRequest request) {
        if (!"personalization".equals(dataSource)) {
            return;
        }
        String authorization = context.header("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
    }
}

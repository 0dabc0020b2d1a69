package dev.restdatasource.it.app;

import dev.restdatasource.DataSourceContext;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.RequestFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Copies the incoming GraphQL request's {@code Authorization} header to every data-source call, and marks each call
 * with {@code X-Filtered-By: forward-authorization} so that the upstream can show the filter ran.
 */
@ApplicationScoped
public class ForwardAuthorization implements RequestFilter {
    /** The header naming this filter. */
    public static final String MARK = "X-Filtered-By";

    @Inject
    DataSourceContext context;

    @Override
    public void filter(String dataSource, DataSourceRequest request) {
        String authorization = context.header("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.header(MARK, "forward-authorization");
    }
}

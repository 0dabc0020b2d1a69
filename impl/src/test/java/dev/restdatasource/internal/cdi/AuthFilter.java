package dev.restdatasource.internal.cdi;

import dev.restdatasource.DataSourceContext;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.RequestFilter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Adds {@code Authorization: Bearer <token>} to MoviesAPI calls, the token being a context attribute. */
@ApplicationScoped
@Priority(20)
public class AuthFilter implements RequestFilter {
    @Inject
    DataSourceContext context;

    @Override
    public void filter(String dataSource, DataSourceRequest request) {
        Object token = context.attribute("token");
        if (dataSource.equals("MoviesAPI") && token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.addHeader("X-Filters", "auth");
    }
}

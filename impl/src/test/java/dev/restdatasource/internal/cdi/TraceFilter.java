package dev.restdatasource.internal.cdi;

import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.RequestFilter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs before {@link AuthFilter} (lower priority); records its turn in {@code X-Filters}. */
@ApplicationScoped
@Priority(10)
public class TraceFilter implements RequestFilter {
    @Override
    public void filter(String dataSource, DataSourceRequest request) {
        request.addHeader("X-Filters", "trace");
    }
}

package dev.restdatasource.it.app;

import dev.restdatasource.DataSourceContext;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.RequestFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Copies the incoming GraphQL request's {@code Authorization} header to every data-source call, sends the request
 * attribute {@value UserAttributeFilter#ATTRIBUTE} (set by {@link UserAttributeFilter}) as {@code X-User-Attribute},
 * and marks each call with {@code X-Filtered-By: forward-authorization} so that the upstream can show the filter ran.
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
        Object user = context.attribute(UserAttributeFilter.ATTRIBUTE);
        if (user != null) {
            request.header("X-User-Attribute", user.toString());
        }
        request.header(MARK, "forward-authorization");
    }
}

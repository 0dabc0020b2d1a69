package dev.restdatasource.example.upstream;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts every upstream request except those to {@code /stats} itself, 304 answers included. Requests to the
 * personalization service are counted per {@code Authorization} header, e.g.
 * {@code "GET /personalization/favorites [Bearer alice]"}, so one can see which token reached the upstream (the
 * example's tokens are only user names).
 */
@Provider
@PreMatching
public class CountingFilter implements ContainerRequestFilter {
    @Inject
    UpstreamCounter counter;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.startsWith("stats")) {
            return;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String key = request.getMethod() + " /" + relative + (query == null ? "" : "?" + query);
        if (relative.startsWith("personalization")) {
            String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            key += " [" + (authorization == null ? "no Authorization" : authorization) + "]";
        }
        counter.count(key);
    }
}

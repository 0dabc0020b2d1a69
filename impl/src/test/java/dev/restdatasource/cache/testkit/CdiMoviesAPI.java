package dev.restdatasource.cache.testkit;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.RESTDataSource;
import jakarta.enterprise.context.RequestScoped;

/**
 * The data source of {@link KeyValueCacheCdiContract}: a request-scoped bean as an application writes it, named
 * {@code CdiMoviesAPI}; the tests set its URL with {@code restdatasource.CdiMoviesAPI.url}.
 */
@RequestScoped
public class CdiMoviesAPI extends RESTDataSource {
    /** The raw response for movie {@code id}, waiting for its cache write so that the next request can see it. */
    public DataSourceResponse movie(String id) {
        DataSourceResponse response = get("movies/{id}", id).fetch();
        response.cacheWrite().toCompletableFuture().join();
        return response;
    }
}

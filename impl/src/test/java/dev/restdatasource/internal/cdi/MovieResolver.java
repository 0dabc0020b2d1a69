package dev.restdatasource.internal.cdi;

import dev.restdatasource.DataSourceResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** Stands for a {@code @GraphQLApi} bean: application-scoped, with the request-scoped data source injected. */
@ApplicationScoped
public class MovieResolver {
    @Inject
    MoviesAPI movies;

    public String movie(String id) {
        return movies.movie(id);
    }

    public CompletionStage<DataSourceResponse> fetchMovie(String id) {
        return movies.fetchMovie(id);
    }

    public int dataSourceInstance() {
        return movies.instanceId();
    }
}

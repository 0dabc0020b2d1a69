package dev.restdatasource.example.movies;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.RESTDataSource;
import dev.restdatasource.TypeRef;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The movie catalogue as a data source, Apollo style. Its answers are {@code public, max-age=60}: a second
 * identical GraphQL query is answered from the shared HTTP cache without an upstream request, and identical
 * calls within one GraphQL request reach the upstream once.
 */
public class MoviesAPI extends RESTDataSource {
    /** A data source for one GraphQL request; {@code config} is the application-wide one. */
    public MoviesAPI(DataSourceConfig config, String upstreamURL) {
        super(config);
        setBaseURL(upstreamURL);
    }

    /** {@code GET movies/{id}}; an unknown id fails with code NOT_FOUND. */
    public Movie getMovie(String id) {
        return get("movies/{id}", id).as(Movie.class);
    }

    /** {@code GET movies?sort=views&limit=N}. */
    public CompletionStage<List<Movie>> getMostViewedMovies(int limit) {
        return get("movies").param("sort", "views").param("limit", limit)
                .asAsync(new TypeRef<List<Movie>>() {
                });
    }
}

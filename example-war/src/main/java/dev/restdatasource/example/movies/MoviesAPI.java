package dev.restdatasource.example.movies;

import dev.restdatasource.RESTDataSource;
import dev.restdatasource.TypeRef;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The movie catalogue as a data source, Apollo style, and a CDI bean: one instance per GraphQL request, so
 * identical calls made while resolving one query reach the upstream once, while the HTTP cache (in the
 * application-wide {@code DataSourceConfig} the library's CDI extension hands to every instance) is shared by all
 * requests. The catalogue's answers are {@code public, max-age=60}: a second identical GraphQL query is answered
 * from the cache without an upstream request.
 *
 * <p>Its name is {@value #NAME}, so its base URL is the setting {@code restdatasource.movies.url} and request
 * filters see {@code "movies"}.
 */
@RequestScoped
public class MoviesAPI extends RESTDataSource {
    /** The data source's name: request filters see it, {@code restdatasource.movies.url} is its base URL. */
    public static final String NAME = "movies";

    /** Used by CDI; the base URL comes from {@code restdatasource.movies.url}. */
    public MoviesAPI() {
    }

    @Override
    public String name() {
        return NAME;
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

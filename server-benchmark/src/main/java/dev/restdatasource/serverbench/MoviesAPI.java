package dev.restdatasource.serverbench;

import dev.restdatasource.RESTDataSource;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.CompletionStage;

/**
 * The upstream catalogue as a {@link RESTDataSource} bean, one instance per GraphQL request, as the README shows it;
 * its base URL is {@code restdatasource.movies.url}.
 */
@RequestScoped
public class MoviesAPI extends RESTDataSource {
    /** Used by CDI. */
    public MoviesAPI() {
    }

    @Override
    public String name() {
        return "movies";
    }

    /** {@code GET movies/{id}}. */
    public Movie movie(String id) {
        return get("movies/{id}", id).as(Movie.class);
    }

    /** {@code GET movies/{id}}, asynchronously. */
    public CompletionStage<Movie> movieAsync(String id) {
        return get("movies/{id}", id).asAsync(Movie.class);
    }

    /** {@code GET nocache/movies/{id}}. */
    public Movie movieNoCache(String id) {
        return get("nocache/movies/{id}", id).as(Movie.class);
    }
}

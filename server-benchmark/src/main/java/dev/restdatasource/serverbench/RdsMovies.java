package dev.restdatasource.serverbench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** Variant {@code rds}: the library's first front end, a request-scoped {@link MoviesAPI}. */
@ApplicationScoped
public class RdsMovies implements MovieSource {
    @Inject
    MoviesAPI api;

    /** Used by CDI. */
    public RdsMovies() {
    }

    @Override
    public Movie movie(String id) {
        return api.movie(id);
    }

    @Override
    public CompletionStage<Movie> movieAsync(String id) {
        return api.movieAsync(id);
    }

    @Override
    public Movie movieNoCache(String id) {
        return api.movieNoCache(id);
    }
}

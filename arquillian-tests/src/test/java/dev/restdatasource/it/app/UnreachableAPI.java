package dev.restdatasource.it.app;

import dev.restdatasource.example.movies.Movie;
import dev.restdatasource.RESTDataSource;
import jakarta.enterprise.context.RequestScoped;

/** A data source whose configured base URL ({@code restdatasource.unreachable.url}) refuses connections. */
@RequestScoped
public class UnreachableAPI extends RESTDataSource {
    @Override
    public String name() {
        return "unreachable";
    }

    /** Fails: nothing listens at the configured URL. */
    public Movie movie(String id) {
        return get("movies/{id}", id).as(Movie.class);
    }
}

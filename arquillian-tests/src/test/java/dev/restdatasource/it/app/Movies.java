package dev.restdatasource.it.app;

import dev.restdatasource.example.movies.Movie;

/**
 * Builds the example's {@link Movie} (the test application reuses the example's model class) with the two fields the
 * tests set; the others keep their defaults.
 */
public final class Movies {
    private Movies() {
    }

    /** A movie with {@code id} and {@code title}. */
    public static Movie movie(String id, String title) {
        Movie movie = new Movie();
        movie.setId(id);
        movie.setTitle(title);
        return movie;
    }
}

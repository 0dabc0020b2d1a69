package dev.restdatasource.it.app;

import dev.restdatasource.example.movies.Movie;
import dev.restdatasource.RESTDataSource;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.CompletionStage;

/**
 * The subclass-style data source over the upstream API: one instance per GraphQL request. Its base URL comes from
 * {@code restdatasource.movies.url}, which wins over the unreachable one set here.
 */
@RequestScoped
public class MoviesAPI extends RESTDataSource {
    /** Used by CDI. */
    public MoviesAPI() {
        setBaseURL("http://127.0.0.1:1/not-configured/");
    }

    @Override
    public String name() {
        return "movies";
    }

    /** A cacheable movie. */
    public Movie movie(String id) {
        return get("movies/{id}", id).as(Movie.class);
    }

    /** An uncacheable, slow movie, fetched asynchronously so that identical calls overlap. */
    public CompletionStage<Movie> uncachedMovie(String id) {
        return get("uncached/{id}", id).asAsync(Movie.class);
    }

    /** A movie fresh for one second, revalidated with its ETag afterwards. */
    public Movie fresh(String id) {
        return get("fresh/{id}", id).as(Movie.class);
    }

    /** The caller's account (authenticated: the request filter adds the caller's Authorization header). */
    public Profile account() {
        return get("account").as(Profile.class);
    }

    /** What upstream received. */
    public Echo echo() {
        return get("echo").as(Echo.class);
    }

    /** An upstream answer with {@code code}. */
    public Movie status(int code) {
        return get("status/{code}", code).as(Movie.class);
    }

    /** An upstream answer slower than the request timeout. */
    public Movie slow() {
        return get("slow").as(Movie.class);
    }
}

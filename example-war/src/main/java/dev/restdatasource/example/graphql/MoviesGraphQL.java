package dev.restdatasource.example.graphql;

import dev.restdatasource.example.movies.Movie;
import dev.restdatasource.example.movies.MoviesAPI;
import dev.restdatasource.example.personalization.ProgressLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The movie queries, answered through the {@link MoviesAPI} data source (request-scoped, injected). */
@GraphQLApi
@ApplicationScoped // a bean also where @GraphQLApi is not bean-defining (SmallRye GraphQL bundled on WildFly)
public class MoviesGraphQL {
    @Inject
    MoviesAPI movies;

    @Inject
    ProgressLoader progress;

    @Query
    @Description("One movie; an unknown id is an error with extensions.code NOT_FOUND.")
    public Movie movie(@Name("id") @NonNull String id) {
        return movies.getMovie(id);
    }

    /**
     * Resolved on the request's thread (the stage is awaited here) so that {@code Movie.progress} below it runs
     * where the request scope is active: on Open Liberty 26.0.0.3, fields under an asynchronous result run on the
     * thread that completed it, where request-scoped beans fail.
     */
    @Query
    @Description("The most viewed movies, most viewed first.")
    public List<Movie> mostViewedMovies(@Name("limit") @DefaultValue("3") int limit) {
        List<Movie> list;
        try {
            list = movies.getMostViewedMovies(limit).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        progress.expect(list.stream().map(Movie::getId).toList()); // Movie.progress: one batch for the list
        return list;
    }
}

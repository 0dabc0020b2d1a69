package dev.restdatasource.example.graphql;

import dev.restdatasource.example.errors.GraphQLErrors;
import dev.restdatasource.example.movies.Movie;
import dev.restdatasource.example.movies.MoviesAPI;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The movie queries, answered through the {@link MoviesAPI} data source (request-scoped, injected). */
@GraphQLApi
public class MoviesGraphQL {
    @Inject
    MoviesAPI movies;

    @Query
    @Description("One movie; an unknown id is an error with extensions.code NOT_FOUND.")
    public Movie movie(@Name("id") @NonNull String id) {
        return GraphQLErrors.coded(() -> movies.getMovie(id));
    }

    @Query
    @Description("The most viewed movies, most viewed first.")
    public CompletionStage<List<Movie>> mostViewedMovies(@Name("limit") @DefaultValue("3") int limit) {
        return GraphQLErrors.coded(movies.getMostViewedMovies(limit));
    }
}

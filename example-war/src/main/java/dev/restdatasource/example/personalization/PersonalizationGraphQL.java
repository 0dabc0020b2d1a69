package dev.restdatasource.example.personalization;

import dev.restdatasource.DataSource;
import dev.restdatasource.example.errors.GraphQLErrors;
import dev.restdatasource.example.movies.Movie;
import dev.restdatasource.example.movies.MoviesAPI;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * The personalization queries: the signed-in user's favorites, one movie's progress, and the field
 * {@code Movie.progress}, resolved for all the movies of one result in ONE upstream request (the MicroProfile form
 * of a DataLoader: a {@code @Source List<Movie>} batch resolver calling the service's batch endpoint). The movies
 * themselves still come one by one from {@link MoviesAPI}, each call cacheable and shared by every user.
 *
 * <p>Every call of {@link PersonalizationClient} carries the caller's {@code Authorization} header, added by
 * {@link AuthorizationFilter}; without a known token the service answers 401 and the field fails with
 * {@code extensions.code} UNAUTHENTICATED while its sibling fields resolve.
 */
@GraphQLApi
public class PersonalizationGraphQL {
    @Inject
    @DataSource
    PersonalizationClient personalization;

    @Inject
    MoviesAPI movies;

    @Query
    @Description("The signed-in user's favorite movies (needs Authorization: Bearer alice or bob).")
    public List<Movie> favorites() {
        List<String> ids = GraphQLErrors.coded(() -> personalization.favorites());
        return ids.stream().map(id -> GraphQLErrors.coded(() -> movies.getMovie(id))).toList();
    }

    @Query
    @Description("How far the signed-in user got in one movie, in percent (one upstream request per movie).")
    public CompletionStage<Progress> movieProgress(@Name("movieId") @NonNull String movieId) {
        return GraphQLErrors.coded(personalization.progress(movieId));
    }

    /**
     * The batch resolver of {@code Movie.progress}: called once per list of movies in a result, it asks the
     * batch endpoint for all of them at once and answers in the order of {@code movies}.
     */
    @Description("How far the signed-in user got in this movie, in percent; one upstream request per list of movies.")
    public List<Progress> progress(@Source List<Movie> movies) {
        List<String> ids = List.copyOf(movies.stream().map(Movie::getId)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Progress> byId = GraphQLErrors.coded(() -> personalization.progressOf(ids)).stream()
                .collect(Collectors.toMap(Progress::getMovieId, Function.identity(), (a, b) -> a));
        return movies.stream().map(movie -> byId.get(movie.getId())).toList();
    }
}

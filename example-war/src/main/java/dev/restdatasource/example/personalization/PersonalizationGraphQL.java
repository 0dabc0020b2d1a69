package dev.restdatasource.example.personalization;

import dev.restdatasource.DataSource;
import dev.restdatasource.example.movies.Movie;
import dev.restdatasource.example.movies.MoviesAPI;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * The personalization queries: the signed-in user's favorites, one movie's progress, and the field
 * {@code Movie.progress}, resolved for all the movies of one result in ONE upstream request to the service's batch
 * endpoint (through {@link ProgressLoader}: Open Liberty 26.0.0.3 cannot run {@code @Source List} batch resolvers,
 * see there). The movies themselves still come one by one from {@link MoviesAPI}, each call cacheable and shared by
 * every user.
 *
 * <p>Every call of {@link PersonalizationClient} carries the caller's {@code Authorization} header, added by
 * {@link AuthorizationFilter}; without a known token the service answers 401 and the field fails with
 * {@code extensions.code} UNAUTHENTICATED while its sibling fields resolve.
 */
@GraphQLApi
@ApplicationScoped // a bean also where @GraphQLApi is not bean-defining (SmallRye GraphQL bundled on WildFly)
public class PersonalizationGraphQL {
    @Inject
    @DataSource
    PersonalizationClient personalization;

    @Inject
    MoviesAPI movies;

    @Inject
    ProgressLoader progress;

    @Query
    @Description("The signed-in user's favorite movies (needs Authorization: Bearer alice or bob).")
    public List<Movie> favorites() {
        List<String> ids = personalization.favorites();
        progress.expect(ids);
        return ids.stream().map(id -> movies.getMovie(id)).toList();
    }

    @Query
    @Description("How far the signed-in user got in one movie, in percent (one upstream request per movie).")
    public CompletionStage<Progress> movieProgress(@Name("movieId") @NonNull String movieId) {
        return personalization.progress(movieId);
    }

    /**
     * {@code Movie.progress}: answered by the request's {@link ProgressLoader}, which fetches the progress of all
     * the movies of a result in one upstream request.
     */
    @Description("How far the signed-in user got in this movie, in percent; one upstream request per result.")
    public Progress progress(@Source Movie movie) {
        return progress.load(movie.getId());
    }
}

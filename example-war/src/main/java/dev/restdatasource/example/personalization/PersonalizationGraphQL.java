package dev.restdatasource.example.personalization;

import dev.restdatasource.example.movies.Movie;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Query;

/**
 * The personalization queries: the signed-in user's favorites and, for every movie in a result, its progress,
 * fetched for all the movies of one list in ONE upstream request (the MicroProfile form of a DataLoader: a
 * {@code @Source List<Movie>} batch resolver).
 *
 * <p>TODO(CDI integration): not wired yet. When {@code @Inject @DataSource PersonalizationClient} exists:
 * annotate this class {@code @GraphQLApi}, put {@code @Source} on the parameter of {@link #progress}, inject the
 * client into {@link #personalization} and the {@code MoviesAPI} data source into {@link #movies}. Until then it
 * is not a bean and its {@code @Query} is not scanned (only {@code @GraphQLApi} classes are). {@code @Source} is
 * left out on purpose: Liberty's SmallRye adds a {@code @Source} field to the type even in a class that is not a
 * {@code @GraphQLApi}, and the field would fail.
 */
public class PersonalizationGraphQL {
    PersonalizationClient personalization;
    MovieLookup movies;

    /** What {@code favorites} needs from the movie catalogue. */
    public interface MovieLookup {
        Movie getMovie(String id);
    }

    @Query
    @Description("The signed-in user's favorite movies (needs Authorization: Bearer alice or bob).")
    public List<Movie> favorites() {
        return personalization.favorites().stream().map(movies::getMovie).toList();
    }

    @Description("How far the signed-in user got in this movie, in percent; one upstream request per list.")
    public CompletionStage<List<Integer>> progress(/* @Source */ List<Movie> movies) {
        List<String> ids = movies.stream().map(Movie::getId).toList();
        return personalization.progress(ids)
                .thenApply(progress -> progress.stream().map(Progress::getPercent).toList());
    }
}

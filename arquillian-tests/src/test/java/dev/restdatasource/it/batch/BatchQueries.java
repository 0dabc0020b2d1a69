package dev.restdatasource.it.batch;

import dev.restdatasource.DataSource;
import dev.restdatasource.it.app.MoviesAPI;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * Batching on Liberty: {@code movies(ids)} (each movie a cacheable single call of {@link MoviesAPI}) whose
 * {@code progress} field is resolved through the request's {@link ProgressLoader}, one batch call per request; the
 * cacheable single query {@code movieProgress(id)}; and the MicroProfile way, {@code @Source List} batch resolvers
 * ({@code batchedProgress}, {@code asyncBatchedProgress}), which Open Liberty 26.0.0.3 cannot run.
 */
@GraphQLApi
@ApplicationScoped // a bean-defining annotation: bundled SmallRye GraphQL (WildFly) looks the class up as a CDI bean
public class BatchQueries {
    @Inject
    MoviesAPI movies;

    @Inject
    @DataSource
    ProgressClient progressClient;

    @Inject
    ProgressLoader progressLoader;

    /** Several movies, each from its own cacheable upstream call; announces them to the progress loader. */
    @Query
    public List<BatchMovie> movies(@Name("ids") List<String> ids) {
        progressLoader.expect(ids);
        return ids.stream().map(id -> new BatchMovie(id, movies.movie(id).getTitle())).toList();
    }

    /** One movie's progress, a cacheable single call. */
    @Query
    public MovieProgress movieProgress(@Name("id") String id) {
        return progressClient.progress(id);
    }

    /** {@code BatchMovie.progress}: through the request's loader, one batch call for all the movies of a result. */
    public MovieProgress progress(@Source BatchMovie movie) {
        return progressLoader.load(movie.getId());
    }

    /** {@code BatchMovie.batchedProgress}: the MicroProfile batch resolver, one batch call for the list. */
    public List<MovieProgress> batchedProgress(@Source List<BatchMovie> batch) {
        return progressClient.progressOf(batch.stream().map(BatchMovie::getId).toList());
    }

    /** {@code BatchMovie.asyncBatchedProgress}: the same batch resolver, asynchronous. */
    public CompletionStage<List<MovieProgress>> asyncBatchedProgress(@Source List<BatchMovie> batch) {
        return CompletableFuture.completedFuture(batchedProgress(batch));
    }
}

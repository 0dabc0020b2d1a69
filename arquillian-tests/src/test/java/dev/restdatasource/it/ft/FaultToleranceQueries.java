package dev.restdatasource.it.ft;

import dev.restdatasource.DataSource;
import dev.restdatasource.example.movies.Movie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

/** GraphQL fields over the Fault Tolerance-annotated {@code @DataSource} Rest Clients. */
@GraphQLApi
@ApplicationScoped // a bean-defining annotation: bundled SmallRye GraphQL (WildFly) looks the class up as a CDI bean
public class FaultToleranceQueries {
    @Inject
    @DataSource
    FaultTolerantClient tolerant;

    @Inject
    @DataSource
    DownClient down;

    /** Retried after the upstream's first 503. */
    @Query
    public Movie flakyMovie(String id) {
        return tolerant.flaky(id);
    }

    /** The fallback handler's movie. */
    @Query
    public Movie downMovie(String id) {
        return down.movie(id);
    }

    /** The fallback method's movie. */
    @Query
    public Movie downMovieOrPlaceholder(String id) {
        return down.movieOrPlaceholder(id);
    }
}

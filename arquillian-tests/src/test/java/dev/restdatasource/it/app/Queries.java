package dev.restdatasource.it.app;

import dev.restdatasource.example.movies.Movie;
import dev.restdatasource.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;

/**
 * The GraphQL API of the test application: each query calls one data source, either the {@link MoviesAPI} subclass
 * or the {@link ProfilesClient} Rest Client interface (the {@code client...} queries).
 */
@GraphQLApi
@ApplicationScoped
public class Queries {
    @Inject
    MoviesAPI movies;

    @Inject
    UnreachableAPI unreachable;

    @Inject
    @DataSource
    ProfilesClient profiles;

    @Inject
    @DataSource
    UnreachableClient unreachableClient;

    /** A field that needs no data source, to show that siblings of a failing field still resolve. */
    @Query
    public String ping() {
        return "pong";
    }

    /** A cacheable movie through the subclass. */
    @Query
    public Movie movie(@Name("id") String id) {
        return movies.movie(id);
    }

    /** An uncacheable movie through the subclass, asynchronously. */
    @Query
    public CompletionStage<Movie> uncachedMovie(@Name("id") String id) {
        return movies.uncachedMovie(id);
    }

    /** A movie fresh for one second through the subclass. */
    @Query
    public Movie freshMovie(@Name("id") String id) {
        return movies.fresh(id);
    }

    /** The caller's authenticated account through the subclass. */
    @Query
    public Profile account() {
        return movies.account();
    }

    /** What upstream received from the subclass. */
    @Query
    public Echo echo() {
        return movies.echo();
    }

    /** An upstream status through the subclass. */
    @Query
    public Movie upstreamStatus(@Name("code") int code) {
        return movies.status(code);
    }

    /** A too slow upstream through the subclass. */
    @Query
    public Movie slowMovie() {
        return movies.slow();
    }

    /** A refused connection through the subclass. */
    @Query
    public Movie unreachableMovie() {
        return unreachable.movie("1");
    }

    /** A cacheable movie through the Rest Client. */
    @Query
    public Movie clientMovie(@Name("id") String id) {
        return profiles.movie(id);
    }

    /** An uncacheable movie through the Rest Client, asynchronously. */
    @Query
    public CompletionStage<Movie> clientUncachedMovie(@Name("id") String id) {
        return profiles.uncachedMovie(id);
    }

    /** A movie fresh for one second through the Rest Client. */
    @Query
    public Movie clientFreshMovie(@Name("id") String id) {
        return profiles.fresh(id);
    }

    /** The caller's private profile through the Rest Client. */
    @Query
    public Profile profile() {
        return profiles.profile();
    }

    /** What upstream received from the Rest Client. */
    @Query
    public Echo clientEcho() {
        return profiles.echo();
    }

    /** An upstream status through the Rest Client. */
    @Query
    public Movie clientUpstreamStatus(@Name("code") int code) {
        return profiles.status(code);
    }

    /** A too slow upstream through the Rest Client. */
    @Query
    public Movie clientSlowMovie() {
        return profiles.slow();
    }

    /** A refused connection through the Rest Client. */
    @Query
    public Movie clientUnreachableMovie() {
        return unreachableClient.movie("1");
    }
}

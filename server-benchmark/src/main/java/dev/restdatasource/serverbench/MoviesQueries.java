package dev.restdatasource.serverbench;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * The three benchmark queries, answered by the {@link MovieSource} that the setting {@code bench.variant} names:
 * {@code static}, {@code bare}, {@code rds} or {@code rc}. Only the chosen source is ever created (each is looked up
 * lazily), so a server does no work for the other variants' beans; an unknown variant fails the application's start.
 */
@GraphQLApi
@ApplicationScoped
public class MoviesQueries {
    @Inject
    @ConfigProperty(name = "bench.variant", defaultValue = "static")
    String variant;

    @Inject
    Instance<StaticMovies> staticMovies;

    @Inject
    Instance<BareMovies> bareMovies;

    @Inject
    Instance<RdsMovies> rdsMovies;

    @Inject
    Instance<RcMovies> rcMovies;

    private MovieSource source;

    /** Used by CDI. */
    public MoviesQueries() {
    }

    @PostConstruct
    void choose() {
        source = switch (variant) {
            case "static" -> staticMovies.get();
            case "bare" -> bareMovies.get();
            case "rds" -> rdsMovies.get();
            case "rc" -> rcMovies.get();
            default -> throw new IllegalStateException("bench.variant must be static, bare, rds or rc, not " + variant);
        };
    }

    /** Chooses the source when the application starts, so that a wrong variant fails at once. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        System.out.println("server-benchmark variant: " + variant + " (" + source.getClass().getSimpleName() + ")");
    }

    /** The hit scenario: one GET of a cacheable URL. */
    @Query
    public Movie movie(@Name("id") @NonNull String id) {
        return source.movie(id);
    }

    /** The fanout scenario: one GET per id, all started before any is awaited, answered in the order asked. */
    @Query
    public List<Movie> movies(@Name("ids") @NonNull List<@NonNull String> ids) {
        List<CompletableFuture<Movie>> calls = new ArrayList<>(ids.size());
        for (String id : ids) {
            calls.add(source.movieAsync(id).toCompletableFuture());
        }
        List<Movie> movies = new ArrayList<>(calls.size());
        try {
            for (CompletableFuture<Movie> call : calls) {
                movies.add(call.join());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return movies;
    }

    /** The miss scenario: one GET of a URL the upstream marks {@code no-store}. */
    @Query
    public Movie movieNoCache(@Name("id") @NonNull String id) {
        return source.movieNoCache(id);
    }
}

package dev.restdatasource.it.outside;

import dev.restdatasource.DataSource;
import dev.restdatasource.DataSourceContext;
import dev.restdatasource.example.movies.Movie;
import dev.restdatasource.it.app.Echo;
import dev.restdatasource.it.app.MoviesAPI;
import dev.restdatasource.it.app.ProfilesClient;
import dev.restdatasource.it.app.UserAttributeFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * The calls a startup warm-up or a background task makes, in a request context the caller activated: both kinds of
 * data source, each asked twice at once for the same uncacheable movie (deduplicated within the activated context), and what
 * upstream received (no caller headers; the attribute set here reaches the request filter).
 */
@ApplicationScoped
public class OutsideCalls {
    @Inject
    MoviesAPI movies;

    @Inject
    @DataSource
    ProfilesClient profiles;

    @Inject
    DataSourceContext context;

    /**
     * Makes the calls for {@code id}, with {@code user} as the request attribute the filter sends as
     * {@code X-User-Attribute}, and returns what each answered (a failure as its exception's simple name and message).
     */
    public Map<String, String> run(String id, String user) {
        Map<String, String> results = new TreeMap<>();
        context.attribute(UserAttributeFilter.ATTRIBUTE, user);
        record(results, "movie", () -> movies.movie(id).getTitle());
        record(results, "clientMovie", () -> profiles.movie(id + "-client").getTitle());
        record(results, "uncached", () -> both(movies.uncachedMovie(id), movies.uncachedMovie(id)));
        record(results, "clientUncached", () -> both(profiles.uncachedMovie(id + "-client"),
                profiles.uncachedMovie(id + "-client")));
        record(results, "echo", () -> describe(movies.echo()));
        record(results, "clientEcho", () -> describe(profiles.echo()));
        return results;
    }

    /** Returns the title of movie {@code id} from the {@code RESTDataSource} (needs an active request context). */
    public String movieTitle(String id) {
        return movies.movie(id).getTitle();
    }

    /** Returns the title of movie {@code id} from the Rest Client data source (runs without a request context too). */
    public String clientMovieTitle(String id) {
        return profiles.movie(id).getTitle();
    }

    /** Puts what {@code call} answers under {@code key}, or its failure. */
    static void record(Map<String, String> results, String key, Call call) {
        try {
            results.put(key, call.get());
        } catch (RuntimeException e) {
            results.put(key, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Waits for two calls started together (so that they overlap) and returns their titles. */
    private static String both(CompletionStage<Movie> first, CompletionStage<Movie> second) {
        return first.toCompletableFuture().join().getTitle() + " / " + second.toCompletableFuture().join().getTitle();
    }

    private static String describe(Echo echo) {
        return "authorization=" + echo.getAuthorization() + " filteredBy=" + echo.getFilteredBy()
                + " user=" + echo.getUserAttribute();
    }

    /** One call whose answer is recorded. */
    @FunctionalInterface
    interface Call {
        String get();
    }
}

package dev.restdatasource.serverbench;

import java.util.concurrent.CompletionStage;

/**
 * Where the queries get their movies: one implementation per benchmark variant, chosen per server by the setting
 * {@code bench.variant} (see {@link MoviesQueries}).
 */
public interface MovieSource {
    /** One movie from the cacheable URL {@code movies/{id}}. */
    Movie movie(String id);

    /** The same, asynchronously: the fanout query starts twenty of these before waiting for any. */
    CompletionStage<Movie> movieAsync(String id);

    /** One movie from the URL {@code nocache/movies/{id}}, which the upstream marks {@code no-store}. */
    Movie movieNoCache(String id);
}

package dev.restdatasource.serverbench;

import java.util.concurrent.CompletionStage;

/** The variants that answer through a {@link CatalogClient}: each subclass injects it with its own qualifier. */
public abstract class ClientMovies implements MovieSource {
    /** For subclasses. */
    protected ClientMovies() {
    }

    /** The injected client. */
    protected abstract CatalogClient client();

    @Override
    public Movie movie(String id) {
        return client().movie(id);
    }

    @Override
    public CompletionStage<Movie> movieAsync(String id) {
        return client().movieAsync(id);
    }

    @Override
    public Movie movieNoCache(String id) {
        return client().movieNoCache(id);
    }
}

package dev.restdatasource.serverbench;

import dev.restdatasource.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Variant {@code rc}: the library's second front end, the Rest Client interface injected with {@code @DataSource}. */
@ApplicationScoped
public class RcMovies extends ClientMovies {
    @Inject
    @DataSource
    CatalogClient client;

    /** Used by CDI. */
    public RcMovies() {
    }

    @Override
    protected CatalogClient client() {
        return client;
    }
}

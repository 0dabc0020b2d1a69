package dev.restdatasource.serverbench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Variant {@code bare}: every call goes to the upstream through a plain Rest Client, without any cache (the miss floor). */
@ApplicationScoped
public class BareMovies extends ClientMovies {
    @Inject
    @RestClient
    CatalogClient client;

    /** Used by CDI. */
    public BareMovies() {
    }

    @Override
    protected CatalogClient client() {
        return client;
    }
}

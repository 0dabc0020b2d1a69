package dev.restdatasource.internal.graphql;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.DataSourceResponse;
import jakarta.enterprise.context.RequestScoped;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/** A request-scoped data source as an application writes it, whose failures the library maps for GraphQL. */
@RequestScoped
public class CodedMoviesAPI extends BaseMoviesAPI {
    /** What the engine's hook saw last: the engine keeps plain DataSourceExceptions. */
    static final AtomicReference<DataSourceException> HOOK_SAW = new AtomicReference<>();

    public String movie(String id) {
        return get("movies/{id}", id).as(String.class);
    }

    public CompletionStage<String> movieAsync(String id) {
        return get("movies/{id}", id).asAsync(String.class);
    }

    public CompletableFuture<String> movieFuture(String id) {
        return movieAsync(id).toCompletableFuture();
    }

    public String failsWithBug() {
        throw new IllegalStateException("bug");
    }

    @Override
    protected DataSourceException errorFromResponse(URI url, DataSourceRequest request, DataSourceResponse response) {
        DataSourceException e = super.errorFromResponse(url, request, response);
        HOOK_SAW.set(e);
        return e;
    }
}

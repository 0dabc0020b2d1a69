package dev.restdatasource.internal.cdi;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.RESTDataSource;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.CompletionStage;

/** A request-scoped data source as an application writes it; its code base URL is replaced by configuration. */
@RequestScoped
public class MoviesAPI extends RESTDataSource {
    /** The base URL in code; tests configure {@code restdatasource.MoviesAPI.url} instead. */
    static final String CODE_BASE_URL = "http://code-base-url.invalid/";

    public MoviesAPI() {
        setBaseURL(CODE_BASE_URL);
    }

    public String movie(String id) {
        return get("movies/{id}", id).as(String.class);
    }

    public CompletionStage<DataSourceResponse> fetchMovie(String id) {
        return get("movies/{id}", id).fetchAsync();
    }

    /** Returns the identity of the instance behind the client proxy. */
    public int instanceId() {
        return System.identityHashCode(this);
    }

    public String effectiveBaseURL() {
        return baseURL();
    }
}

package dev.restdatasource.example.plain;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.RESTDataSource;

/** A data source over the movies API at {@code baseURL}: the same class a server application would use. */
public class MoviesAPI extends RESTDataSource {
    /** A data source over {@code baseURL} with {@code config}'s cache and settings. */
    public MoviesAPI(DataSourceConfig config, String baseURL) {
        super(config);
        setBaseURL(baseURL);
    }

    /** The greeting, as text: no JSON, so no JSON-B needed. */
    public String greeting() {
        return get("greeting").as(String.class);
    }

    /** Movie {@code id}, read from JSON with JSON-B. */
    public Movie movie(String id) {
        return get("movies/{id}", id).as(Movie.class);
    }
}

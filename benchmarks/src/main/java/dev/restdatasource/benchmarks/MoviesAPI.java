package dev.restdatasource.benchmarks;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.RESTDataSource;

/** The data source under test, written as an application would (see {@link RESTDataSource}'s javadoc). */
public class MoviesAPI extends RESTDataSource {
    /** A data source for the movies API at {@code baseURL}, sharing the cache of {@code config}. */
    public MoviesAPI(DataSourceConfig config, String baseURL) {
        super(config);
        setBaseURL(baseURL);
    }

    /** {@code GET movies/{id}} parsed into a {@link Movie}. */
    public Movie getMovie(String id) {
        return get("movies/{id}", id).as(Movie.class);
    }
}

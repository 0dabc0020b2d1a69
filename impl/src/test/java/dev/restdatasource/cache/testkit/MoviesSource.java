package dev.restdatasource.cache.testkit;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.RESTDataSource;

/** The data source of the store tests: {@code GET movies/{id}} on a {@link CountingUpstream}. Not thread-safe. */
public final class MoviesSource extends RESTDataSource {
    /** A data source for {@code baseURL} sharing the cache of {@code config}. */
    public MoviesSource(DataSourceConfig config, String baseURL) {
        super(config);
        setBaseURL(baseURL);
    }

    /** The raw response for movie {@code id}, telling whether it came from the cache. */
    public DataSourceResponse movie(String id) {
        return get("movies/{id}", id).fetch();
    }
}

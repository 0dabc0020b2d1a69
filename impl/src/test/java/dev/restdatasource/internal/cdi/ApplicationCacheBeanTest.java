package dev.restdatasource.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.cache.testkit.TestContainer;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An application's KeyValueCache bean replaces the in-memory store. */
class ApplicationCacheBeanTest {
    @Test
    void theApplicationsKeyValueCacheBeanStoresTheResponses() throws Exception {
        try (Upstream upstream = new Upstream();
             TestContainer container = TestContainer.boot(Map.of("restdatasource.MoviesAPI.url", upstream.url()),
                     MoviesAPI.class, MovieResolver.class, RecordingCache.class)) {
            upstream.on("/movies/1", r -> Reply.json("{}").header("Cache-Control", "public, max-age=60"));
            RecordingCache store = container.bean(RecordingCache.class);
            DataSourceConfig config = container.bean(DataSourceConfig.class);
            assertFalse(config.cache() instanceof InMemoryKeyValueCache);

            MovieResolver resolver = container.bean(MovieResolver.class);
            DataSourceResponse first = container.inRequest(() -> resolver.fetchMovie("1").toCompletableFuture().join());
            first.cacheWrite().toCompletableFuture().join();
            assertEquals(1, store.sets(), "the response was written to the application's store");

            DataSourceResponse second = container.inRequest(() -> resolver.fetchMovie("1").toCompletableFuture().join());
            assertTrue(second.fromCache());
            assertEquals(1, upstream.count("/movies/1"));
        }
    }
}

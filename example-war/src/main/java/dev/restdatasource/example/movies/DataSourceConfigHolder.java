package dev.restdatasource.example.movies;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.impl.store.InMemoryKeyValueCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * TODO(CDI integration): remove this class when the library's CDI integration lands. It will build the one
 * application-wide {@link DataSourceConfig} from its {@code restdatasource.*} keys and hand out {@link MoviesAPI}
 * as a {@code @RequestScoped} bean; until then the example builds the config here and {@code new}s a data source
 * per call, which still shares the HTTP cache (it lives in the config) but deduplicates only within one call.
 */
@ApplicationScoped
public class DataSourceConfigHolder {
    private final DataSourceConfig config;
    private final String upstreamURL;

    @Inject
    public DataSourceConfigHolder(
            @ConfigProperty(name = "restdatasource.request-timeout", defaultValue = "30s") String requestTimeout,
            @ConfigProperty(name = "restdatasource.cache.max-bytes", defaultValue = "67108864") long cacheBytes,
            @ConfigProperty(name = "example.upstream.url") String upstreamURL) {
        this.config = DataSourceConfig.builder()
                .cache(InMemoryKeyValueCache.create(cacheBytes))
                .requestTimeout(Duration.parse("PT" + requestTimeout.toUpperCase(java.util.Locale.ROOT)))
                .build();
        this.upstreamURL = upstreamURL;
    }

    /** For CDI proxies only. */
    protected DataSourceConfigHolder() {
        this.config = null;
        this.upstreamURL = null;
    }

    /** A new movies data source on the shared configuration. */
    public MoviesAPI moviesAPI() {
        return new MoviesAPI(config, upstreamURL);
    }
}

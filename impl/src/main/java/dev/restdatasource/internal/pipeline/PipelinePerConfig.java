package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.cache.HttpCache;
import dev.restdatasource.internal.http.CredentialHeaders;
import dev.restdatasource.internal.http.JdkHttpTransport;
import dev.restdatasource.internal.store.ErrorsAreMissesKeyValueCache;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.spi.Transport;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The one {@link Pipeline} of each {@link DataSourceConfig}, with the HTTP cache over the configuration's (wrapped)
 * store and its transport, built on first use and shared by every data source made from that configuration. So
 * creating a data source per GraphQL request is cheap and all of them share one cache (Apollo gives each instance
 * its own cache unless told otherwise). A pipeline must not refer to its configuration, or the weak map would never
 * let it go: its steps hold the configuration's values, not the configuration. Thread-safe.
 */
final class PipelinePerConfig {
    private static final Map<DataSourceConfig, Pipeline> BY_CONFIG = Collections.synchronizedMap(new WeakHashMap<>());

    private PipelinePerConfig() {
    }

    /** The process-wide defaults, made on first use. */
    private static final class Defaults {
        static final KeyValueCache STORE = InMemoryKeyValueCache.create();
        static final Transport TRANSPORT = JdkHttpTransport.create(JdkHttpTransport.DEFAULT_CONNECT_TIMEOUT);
    }

    /** Returns the pipeline of {@code config}, built on first use. */
    static Pipeline of(DataSourceConfig config) {
        return BY_CONFIG.computeIfAbsent(config, PipelinePerConfig::create);
    }

    private static Pipeline create(DataSourceConfig config) {
        KeyValueCache store = config.cache() != null ? config.cache() : Defaults.STORE;
        Transport transport = config.transport() != null ? config.transport() : Defaults.TRANSPORT;
        Clock clock = config.clock() != null ? config.clock() : Clock.systemUTC();
        KeyValueCache guarded = ErrorsAreMissesKeyValueCache.warmingUp(store, config.cacheTimeout());
        // The in-memory store answers reads with the arrays it holds, so the cache may remember what they decode to.
        return Pipeline.of(config, new HttpCache(guarded, clock, CredentialHeaders.of(config), store instanceof InMemoryKeyValueCache),
                transport);
    }
}

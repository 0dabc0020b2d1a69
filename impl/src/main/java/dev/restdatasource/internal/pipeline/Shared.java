package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.cache.HttpCache;
import dev.restdatasource.internal.http.JdkHttpTransport;
import dev.restdatasource.internal.store.ErrorsAreMissesKeyValueCache;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.spi.Transport;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What every data source built from one {@link DataSourceConfig} shares: the HTTP cache over the (wrapped)
 * store and the transport. Looked up per configuration, so creating a data source per GraphQL request is
 * cheap and all of them share one cache (Apollo gives each instance its own unless told otherwise, §1.2).
 * The value must not refer to its configuration, or the weak map would never let it go.
 */
final class Shared {
    private static final Map<DataSourceConfig, State> BY_CONFIG = Collections.synchronizedMap(new WeakHashMap<>());

    private Shared() {
    }

    /** The process-wide defaults, made on first use. */
    private static final class Defaults {
        static final KeyValueCache STORE = InMemoryKeyValueCache.create();
        static final Transport TRANSPORT = JdkHttpTransport.create(JdkHttpTransport.DEFAULT_CONNECT_TIMEOUT);
    }

    /** The HTTP cache and the transport of one configuration. */
    record State(HttpCache httpCache, Transport transport) {
    }

    /** Returns the shared state of {@code config}, made on first use. */
    static State of(DataSourceConfig config) {
        return BY_CONFIG.computeIfAbsent(config, Shared::create);
    }

    private static State create(DataSourceConfig config) {
        KeyValueCache store = config.cache() != null ? config.cache() : Defaults.STORE;
        Transport transport = config.transport() != null ? config.transport() : Defaults.TRANSPORT;
        Clock clock = config.clock() != null ? config.clock() : Clock.systemUTC();
        KeyValueCache guarded = new ErrorsAreMissesKeyValueCache(store, config.cacheTimeout());
        return new State(new HttpCache(guarded, clock), transport);
    }
}

package dev.restdatasource.internal.cdi;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.RequestFilter;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.event.DataSourceEventListener;
import dev.restdatasource.internal.config.DataSourceSettings;
import dev.restdatasource.store.InMemoryKeyValueCache;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the application's one {@link DataSourceConfig}, so every data source of the application shares one HTTP
 * cache, and makes it injectable ({@code @Inject DataSourceConfig config}) together with the validated
 * {@link DataSourceSettings}.
 *
 * <ul>
 * <li>cache store: the application's {@link KeyValueCache} bean when there is one (its own, or a backend module's),
 *     else an in-memory store bounded by {@value DataSourceSettings#CACHE_MAX_BYTES};</li>
 * <li>request filters: every {@link RequestFilter} bean, lowest {@link Priority} first, then the beans without a
 *     priority by class name;</li>
 * <li>event listeners: every {@link DataSourceEventListener} bean, in the same order;</li>
 * <li>timeouts and redirects: from {@link DataSourceSettings}.</li>
 * </ul>
 *
 * <p>The configuration is built once, on first use, and is then immutable. Thread-safe.
 */
@ApplicationScoped
public class DataSourceConfigProducer {
    @Inject
    Instance<KeyValueCache> caches;

    @Inject
    Instance<RequestFilter> filters;

    @Inject
    Instance<DataSourceEventListener> eventListeners;

    private final Object lock = new Object();
    private volatile DataSourceSettings settings;
    private volatile DataSourceConfig config;
    private boolean building; // guarded by lock
    private final Map<String, DataSourceConfig> byName = new ConcurrentHashMap<>();

    /** Returns the validated settings, read from MicroProfile Config on first use. */
    public DataSourceSettings settings() {
        DataSourceSettings s = settings;
        if (s == null) {
            synchronized (lock) {
                s = settings;
                if (s == null) {
                    s = DataSourceSettings.load(ConfigProvider.getConfig());
                    settings = s;
                }
            }
        }
        return s;
    }

    /** Returns the application-wide configuration, built on first use. */
    public DataSourceConfig config() {
        DataSourceConfig c = config;
        if (c == null) {
            synchronized (lock) {
                c = config;
                if (c == null) {
                    if (building) {
                        throw new IllegalStateException("A RequestFilter, DataSourceEventListener or KeyValueCache bean needs DataSourceConfig,"
                                + " which is built from those beans: inject it lazily (Instance<DataSourceConfig>) instead");
                    }
                    building = true;
                    try {
                        c = build(settings());
                    } finally {
                        building = false;
                    }
                    config = c;
                }
            }
        }
        return c;
    }

    /**
     * Returns the configuration of data source {@code name}: the application-wide one, or, when
     * {@code restdatasource.<name>.credential-headers} is set, one derived from it with those names added (made once
     * per name, so the data source's pipeline and cache are built once too).
     */
    public DataSourceConfig configFor(String name) {
        DataSourceConfig app = config();
        if (name == null || !settings().hasOwnCredentialHeaders(name)) {
            return app;
        }
        return byName.computeIfAbsent(name, n -> app.toBuilder().credentialHeaders(settings().credentialHeaders(n)).build());
    }

    /** Makes the application-wide configuration injectable; every injection point receives the same instance. */
    @Produces
    @Dependent
    DataSourceConfig produceConfig() {
        return config();
    }

    /** Makes the validated settings injectable. */
    @Produces
    @Dependent
    DataSourceSettings produceSettings() {
        return settings();
    }

    private DataSourceConfig build(DataSourceSettings s) {
        KeyValueCache cache = caches.isResolvable() ? caches.get() : InMemoryKeyValueCache.create(s.cacheMaxBytes());
        return DataSourceConfig.builder()
                .cache(cache)
                .requestTimeout(s.requestTimeout())
                .cacheTimeout(s.cacheTimeout())
                .maxRedirects(s.maxRedirects())
                .maxResponseBytes(s.maxResponseBytes())
                .requestFilters(ordered(filters))
                .eventListeners(ordered(eventListeners))
                .credentialHeaders(s.credentialHeaders(""))
                .credentialHashSecret(s.credentialHashSecret())
                .build();
    }

    /** The beans of {@code beans}, lowest {@link Priority} first, then those without a priority by class name. */
    private static <T> List<T> ordered(Instance<T> beans) {
        List<Instance.Handle<T>> handles = new ArrayList<>();
        beans.handles().forEach(handles::add);
        handles.sort(Comparator.comparingInt((Instance.Handle<T> h) -> priorityOf(h.getBean()))
                .thenComparing(h -> h.getBean().getBeanClass().getName()));
        List<T> ordered = new ArrayList<>(handles.size());
        for (Instance.Handle<T> h : handles) {
            ordered.add(h.get());
        }
        return ordered;
    }

    private static int priorityOf(Bean<?> bean) {
        Priority p = bean.getBeanClass().getAnnotation(Priority.class);
        return p == null ? Integer.MAX_VALUE : p.value();
    }
}

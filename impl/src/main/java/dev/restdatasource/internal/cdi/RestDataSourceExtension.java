package dev.restdatasource.internal.cdi;

import dev.restdatasource.RESTDataSource;
import dev.restdatasource.backend.SettingsReader;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.config.BaseUrlCheck;
import dev.restdatasource.internal.config.DataSourceSettings;
import dev.restdatasource.internal.config.StartupSummary;
import dev.restdatasource.internal.health.HealthChecks;
import dev.restdatasource.internal.json.Json;
import dev.restdatasource.internal.restclient.RestClientDataSourceExtension;
import dev.restdatasource.internal.servlet.ServletDataSourceContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import java.lang.System.Logger.Level;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes {@link RESTDataSource} subclasses CDI beans that are ready to use: right after the container constructs
 * one, it receives the application-wide configuration ({@link DataSourceConfigProducer#config()}: shared HTTP cache,
 * request filters, timeouts) and, when {@code restdatasource.<name>.url} is set, that base URL, which wins over
 * the one set in code.
 *
 * <pre>{@code
 * @RequestScoped                      // one instance per GraphQL request: deduplication per request
 * public class MoviesAPI extends RESTDataSource {
 *     public MoviesAPI() { setBaseURL("https://movies-api.example.com/"); }
 *     public Movie getMovie(String id) { return get("movies/{id}", id).as(Movie.class); }
 * }
 * }</pre>
 *
 * <p>It also
 * <ul>
 * <li>adds the library's beans ({@link DataSourceConfigProducer}, {@link ServletDataSourceContext}) when the container
 *     did not discover them, so the jar needs no {@code beans.xml};</li>
 * <li>binds {@link GraphQLErrorMappingInterceptor} to the application's methods of each data source, so that failures
 *     reach GraphQL with exact error codes and safe messages ({@link dev.restdatasource.internal.graphql.GraphQLErrorMapper});</li>
 * <li>warns when a data source bean is not {@code @RequestScoped} (an application-scoped one would deduplicate
 *     across users and requests, a dependent one not across the beans of one request);</li>
 * <li>fails deployment, naming each key, when a {@link DataSourceSettings} value is wrong, and when several
 *     {@link KeyValueCache} beans compete;</li>
 * <li>fails deployment when a data source bean has no base URL, neither {@code restdatasource.<name>.url} nor one
 *     set in code, naming the bean class, its data-source name and the key to set; warns about a
 *     {@code restdatasource.<name>.url} that names no data source, suggesting the closest name ({@link BaseUrlCheck};
 *     what deployment knows of a bean class: {@link DataSourceClasses});</li>
 * <li>logs one INFO line when the deployment is valid: the data sources found (these beans and the {@code @DataSource}
 *     Rest Clients), the store in use and the effective settings, without secrets ({@link StartupSummary});</li>
 * <li>adds the cache store's MicroProfile Health readiness check when the server has that API
 *     ({@link HealthChecks});</li>
 * <li>creates the library's JSON-B instance at deployment, where the thread's context class loader is the
 *     application's: the engine may parse its first body on a thread of a cache store (Hazelcast, Infinispan,
 *     an application's) whose context class loader cannot see the server's JSON-B provider.</li>
 * </ul>
 *
 * <p>Registered in {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class RestDataSourceExtension implements Extension {
    private static final System.Logger LOG = System.getLogger(RestDataSourceExtension.class.getName());
    private static final List<Class<?>> OWN_BEANS = List.of(DataSourceConfigProducer.class, ServletDataSourceContext.class,
            ServletDataSourceContext.RequestState.class);

    private final Set<Class<?>> discovered = ConcurrentHashMap.newKeySet();
    private final Set<Class<? extends RESTDataSource>> dataSourceBeans = ConcurrentHashMap.newKeySet();
    private volatile BeanManager beanManager;
    private volatile DataSourceConfigProducer producer;

    void producerDiscovered(@Observes ProcessAnnotatedType<DataSourceConfigProducer> event) {
        discovered.add(event.getAnnotatedType().getJavaClass());
    }

    void contextDiscovered(@Observes ProcessAnnotatedType<ServletDataSourceContext> event) {
        discovered.add(event.getAnnotatedType().getJavaClass());
    }

    void contextStateDiscovered(@Observes ProcessAnnotatedType<ServletDataSourceContext.RequestState> event) {
        discovered.add(event.getAnnotatedType().getJavaClass());
    }

    /**
     * Adds {@link GraphQLErrorMappingInterceptor} before discovery (observed with Weld 5.1: an interceptor added in
     * {@code AfterTypeDiscovery}, like the beans above, is never enabled by its {@code @Priority}).
     */
    void addInterceptor(@Observes BeforeBeanDiscovery event, BeanManager bm) {
        event.addAnnotatedType(bm.createAnnotatedType(GraphQLErrorMappingInterceptor.class),
                RestDataSourceExtension.class.getName() + "#" + GraphQLErrorMappingInterceptor.class.getName());
    }

    /**
     * Adds the cache store's readiness check ({@link HealthChecks}) when the server has MicroProfile Health; without
     * it nothing of the check is loaded.
     */
    void addHealthCheck(@Observes BeforeBeanDiscovery event, BeanManager bm) {
        if (HealthChecks.available()) {
            HealthChecks.addTo(event, bm);
        }
    }

    /** Keeps the interceptor added above the only one when the container also discovers this jar's classes. */
    void vetoDiscoveredInterceptor(@Observes ProcessAnnotatedType<GraphQLErrorMappingInterceptor> event) {
        if (!(event instanceof ProcessSyntheticAnnotatedType)) {
            event.veto();
        }
    }

    /**
     * Binds {@link GraphQLErrorMappingInterceptor} to the application's methods of each {@code RESTDataSource} bean class
     * (CDI 4.0 §11.5.6: an extension may add interceptor bindings to any discovered type).
     */
    <T extends RESTDataSource> void bindErrorMapping(@Observes ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        int modifiers = type.getModifiers();
        if (Modifier.isAbstract(modifiers) || type.isInterface()) {
            return;
        }
        if (Modifier.isFinal(modifiers)) {
            LOG.log(Level.WARNING, () -> type.getName() + " is a final RESTDataSource class: the container cannot"
                    + " intercept it, so its errors reach GraphQL without exact codes; make it non-final");
            return;
        }
        event.configureAnnotatedType()
                .filterMethods(m -> GraphQLErrorMappingInterceptor.maps(m.getJavaMember()))
                .forEach(m -> m.add(MapsToGraphQLErrors.Literal.INSTANCE));
    }

    void addOwnBeansNotDiscovered(@Observes AfterTypeDiscovery event, BeanManager bm) {
        for (Class<?> type : OWN_BEANS) {
            if (!discovered.contains(type)) {
                event.addAnnotatedType(bm.createAnnotatedType(type), RestDataSourceExtension.class.getName() + "#" + type.getName());
            }
        }
    }

    <T extends RESTDataSource> void initializeAfterConstruction(@Observes ProcessInjectionTarget<T> event) {
        event.setInjectionTarget(new Initializing<>(event.getInjectionTarget()));
    }

    <T extends RESTDataSource> void collectDataSourceBean(@Observes ProcessManagedBean<T> event) {
        dataSourceBeans.add(event.getAnnotatedBeanClass().getJavaClass());
    }

    <T extends RESTDataSource> void warnUnlessRequestScoped(@Observes ProcessManagedBean<T> event) {
        Bean<?> bean = event.getBean();
        if (bean.getScope() != RequestScoped.class) {
            LOG.log(Level.WARNING, () -> bean.getBeanClass().getName() + " is a RESTDataSource bean with scope @"
                    + bean.getScope().getSimpleName() + "; make it @RequestScoped: deduplication is per instance, so it"
                    + " should last exactly one GraphQL request (the HTTP cache is shared anyway)");
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager bm) {
        this.beanManager = bm;
        warmJsonb();
        SettingsReader reader = new SettingsReader(ConfigProvider.getConfig());
        DataSourceSettings settings = DataSourceSettings.read(reader);
        List<BaseUrlCheck.Bean> beans = dataSourceBeans.stream().map(DataSourceClasses::of)
                .sorted(Comparator.comparing(BaseUrlCheck.Bean::className)).toList();
        Map<String, String> restClients = restClients(bm);
        BaseUrlCheck.missingUrls(beans, settings.urlNames(), restClients.keySet()).forEach(reader::problem);
        List<String> problems = reader.problems();
        problems.forEach(problem -> event.addDeploymentProblem(new IllegalArgumentException(problem)));
        Set<Bean<?>> caches = bm.getBeans(KeyValueCache.class);
        Bean<?> store = null;
        if (!caches.isEmpty()) {
            try {
                store = bm.resolve(caches);
            } catch (AmbiguousResolutionException e) {
                event.addDeploymentProblem(new IllegalStateException("Several KeyValueCache beans compete for the data"
                        + " sources' HTTP cache: " + caches.stream().map(b -> b.getBeanClass().getName()).sorted()
                        .collect(Collectors.joining(", ")) + ". Keep one, or select one with @Alternative @Priority."));
                return;
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        BaseUrlCheck.unmatchedUrls(settings.urlNames(), beans, restClients.keySet())
                .forEach(warning -> LOG.log(Level.WARNING, warning));
        logSummary(reader, settings, beans, restClients, store);
    }

    /** The INFO line of a valid deployment; a store bean is shown with the backend modules' keys configured. */
    private static void logSummary(SettingsReader reader, DataSourceSettings settings, List<BaseUrlCheck.Bean> beans,
            Map<String, String> restClients, Bean<?> store) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        Map<String, String> storeSettings = new TreeMap<>();
        if (store != null) {
            for (String key : reader.keysUnder(DataSourceSettings.PREFIX, List.of())) {
                if (DataSourceSettings.BACKEND_PREFIXES.stream().anyMatch(key::startsWith)) {
                    reader.string(key).ifPresent(value -> storeSettings.put(key, value));
                }
            }
        }
        LOG.log(Level.INFO, StartupSummary.line(settings, beans, restClients,
                store == null ? null : store.getBeanClass().getName(), storeSettings));
    }

    /**
     * The {@code @DataSource} Rest Clients, by data-source name; none when the Rest Client bridge is not deployed
     * (no MicroProfile Rest Client, or a container started without its extension).
     */
    private static Map<String, String> restClients(BeanManager bm) {
        try {
            return bm.getExtension(RestClientDataSourceExtension.class).dataSourceNames();
        } catch (IllegalArgumentException | LinkageError notDeployed) {
            return Map.of();
        }
    }

    private static void warmJsonb() {
        try {
            Json.jsonb();
        } catch (RuntimeException | Error noJsonb) {
            // Reported where JSON is first needed; an application may never need it.
            LOG.log(System.Logger.Level.DEBUG, "No JSON-B at deployment", noJsonb);
        }
    }

    private DataSourceConfigProducer producer() {
        DataSourceConfigProducer p = producer;
        if (p == null) {
            BeanManager bm = beanManager;
            if (bm == null) {
                throw new IllegalStateException("A RESTDataSource bean was created before deployment validation ended");
            }
            p = bm.createInstance().select(DataSourceConfigProducer.class).get(); // a client proxy: safe to keep
            producer = p;
        }
        return p;
    }

    /** Gives each new data source the application's configuration (with its own credential headers) and base URL. */
    void prepare(RESTDataSource dataSource) {
        DataSourceConfigProducer p = producer();
        dataSource.initialize(p.configFor(dataSource.name()));
        p.settings().url(dataSource.name()).ifPresent(dataSource::overrideBaseURL);
    }

    /** The container's injection target, plus {@link #prepare} right after construction. */
    private final class Initializing<T extends RESTDataSource> implements InjectionTarget<T> {
        private final InjectionTarget<T> delegate;

        Initializing(InjectionTarget<T> delegate) {
            this.delegate = delegate;
        }

        @Override
        public T produce(CreationalContext<T> ctx) {
            T instance = delegate.produce(ctx);
            prepare(instance);
            return instance;
        }

        @Override
        public void inject(T instance, CreationalContext<T> ctx) {
            delegate.inject(instance, ctx);
        }

        @Override
        public void postConstruct(T instance) {
            delegate.postConstruct(instance);
        }

        @Override
        public void preDestroy(T instance) {
            delegate.preDestroy(instance);
        }

        @Override
        public void dispose(T instance) {
            delegate.dispose(instance);
        }

        @Override
        public Set<InjectionPoint> getInjectionPoints() {
            return delegate.getInjectionPoints();
        }
    }
}

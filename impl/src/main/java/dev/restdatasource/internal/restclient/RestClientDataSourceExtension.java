package dev.restdatasource.internal.restclient;

import dev.restdatasource.DataSource;
import dev.restdatasource.backend.InvalidSettingsException;
import dev.restdatasource.backend.SettingsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InterceptionFactory;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.inject.Provider;
import java.io.Closeable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Makes {@code @Inject @DataSource SomeClient} work for every interface annotated {@link RegisterRestClient}: for each
 * such interface found at a {@code @DataSource} injection point it adds one application-scoped bean whose calls run
 * through the data-source pipeline with the client's own configuration (see {@link DataSourceLocator}; the Rest Client
 * is shared; deduplication is per request scope through {@link RequestDataSources}). The settings of every client are
 * read when the beans are defined, through one {@link SettingsReader}: a missing or invalid URL, or any other wrong
 * value, fails deployment once, with one definition error listing every problem of every client, each naming its full
 * key. Interceptor bindings on the interface or its methods, such as MicroProfile Fault Tolerance's {@code @Retry},
 * {@code @Timeout}, {@code @Fallback} or {@code @CircuitBreaker}, are applied to the instance through {@link
 * BeanManager#createInterceptionFactory}. Registered in {@code META-INF/services}.
 */
public class RestClientDataSourceExtension implements Extension {
    private final Set<Class<?>> interfaces = ConcurrentHashMap.newKeySet();
    private final Map<String, String> names = new ConcurrentSkipListMap<>(); // data-source name -> interfaces

    /** Called by the container. */
    public RestClientDataSourceExtension() {
    }

    /**
     * Returns the data-source name of each {@code @DataSource} Rest Client interface found at an injection point (its
     * configKey, else its name), sorted, with the interfaces that have it; complete once beans are defined.
     */
    public Map<String, String> dataSourceNames() {
        return Collections.unmodifiableMap(names);
    }

    void addHolder(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        event.addAnnotatedType(beanManager.createAnnotatedType(RequestDataSources.class), RequestDataSources.class.getName());
    }

    void collect(@Observes ProcessInjectionPoint<?, ?> event) {
        if (event.getInjectionPoint().getQualifiers().stream().noneMatch(q -> q.annotationType() == DataSource.class)) {
            return;
        }
        Type type = event.getInjectionPoint().getType();
        if (type instanceof ParameterizedType p && (p.getRawType() == Instance.class || p.getRawType() == Provider.class)) {
            type = p.getActualTypeArguments()[0];
        }
        if (type instanceof Class<?> c && c.isInterface() && c.isAnnotationPresent(RegisterRestClient.class)) {
            interfaces.add(c);
        }
    }

    void addBeans(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        if (!interfaces.isEmpty()) {
            createSourcesWithEachRequest(event, beanManager);
        }
        // one locator (so one derived configuration and one request-scoped source) per configKey and settings
        Map<List<Object>, DataSourceLocator> locators = new HashMap<>();
        // one reader for every client: the deployment fails once, listing every wrong key of every client
        SettingsReader reader = new SettingsReader(ConfigProvider.getConfig());
        for (Class<?> type : interfaces.stream().sorted(Comparator.comparing(Class::getName)).toList()) {
            int problemsBefore = reader.problems().size();
            RestClientSettings settings = RestClientSettings.read(type, reader);
            names.merge(settings.name(), type.getName(), (a, b) -> a + ", " + b);
            // loads the trust and key stores, so that a store that cannot be used is reported with the rest
            DataSourceLocator locator = reader.check("", () -> locators.computeIfAbsent(Arrays.asList(settings.name(),
                    settings.connectTimeout(), settings.readTimeout(), Boolean.TRUE.equals(settings.followRedirects()),
                    settings.connection()), k -> DataSourceLocator.of(settings, beanManager)));
            if (reader.problems().size() > problemsBefore) {
                continue;
            }
            boolean intercepted = hasInterceptorBindings(type, beanManager);
            Map<Object, Object> built = Collections.synchronizedMap(new IdentityHashMap<>()); // intercepted -> own
            event.addBean()
                    .id(RestClientDataSourceExtension.class.getName() + ":" + type.getName())
                    .beanClass(type)
                    .types(type, Object.class)
                    .qualifiers(DataSourceLiteral.INSTANCE, Any.Literal.INSTANCE)
                    .scope(ApplicationScoped.class)
                    .createWith(context -> {
                        Object instance = RestClientFactory.create(settings, locator);
                        if (!intercepted) {
                            return instance;
                        }
                        Object wrapper = intercept(beanManager, context, type, instance);
                        built.put(wrapper, instance);
                        return wrapper;
                    })
                    .destroyWith((instance, context) -> {
                        Object own = built.remove(instance);
                        close(own != null ? own : instance);
                        context.release(); // the interceptor instances
                    });
        }
        try {
            reader.throwIfProblems();
        } catch (InvalidSettingsException e) {
            event.addDefinitionError(new DeploymentException(e.getMessage(), e));
        }
    }

    /**
     * Has each request's {@link RequestDataSources} created when the request scope starts, not on first use: a resolver
     * run in a context-propagating task (SmallRye's batch and async data fetchers on Open Liberty) may not create a
     * request-scoped bean (Liberty: CWWKC1158E "You must access the CDI beans before context is captured"). The bean's
     * client proxy is looked up once, not at every request.
     */
    private static void createSourcesWithEachRequest(AfterBeanDiscovery event, BeanManager beanManager) {
        AtomicReference<RequestDataSources> proxy = new AtomicReference<>(); // the same client proxy for every request
        event.addObserverMethod()
                .beanClass(RequestDataSources.class)
                .observedType(Object.class)
                .qualifiers(Initialized.Literal.REQUEST)
                .notifyWith(started -> {
                    RequestDataSources sources = proxy.get();
                    if (sources == null) {
                        sources = beanManager.createInstance().select(RequestDataSources.class).get();
                        proxy.set(sources);
                    }
                    sources.toString(); // the client proxy creates the request's instance on its first call
                });
    }

    /**
     * Whether the interface or one of its methods carries an interceptor binding (MicroProfile Fault Tolerance
     * annotations are interceptor bindings since MP FT 3.0), directly or through a stereotype.
     */
    static boolean hasInterceptorBindings(Class<?> type, BeanManager beanManager) {
        if (bindsInterceptors(type.getAnnotations(), beanManager)) {
            return true;
        }
        for (Method method : type.getMethods()) {
            if (method.getDeclaringClass() != Object.class && bindsInterceptors(method.getAnnotations(), beanManager)) {
                return true;
            }
        }
        return false;
    }

    private static boolean bindsInterceptors(Annotation[] annotations, BeanManager beanManager) {
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (beanManager.isInterceptorBinding(kind) || beanManager.isStereotype(kind)
                    && bindsInterceptors(beanManager.getStereotypeDefinition(kind).toArray(Annotation[]::new), beanManager)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Wraps {@code instance} with the interceptors bound on {@code type}'s annotations, through CDI's
     * {@link InterceptionFactory}, the way a container applies them to its own beans: each call becomes a business
     * method invocation, so MicroProfile Fault Tolerance (or any other interceptor) runs around the whole
     * data-source call, and a retry runs the pipeline again.
     */
    @SuppressWarnings("unchecked")
    static <T> T intercept(BeanManager beanManager, CreationalContext<?> context, Class<T> type, Object instance) {
        InterceptionFactory<T> factory = beanManager.createInterceptionFactory((CreationalContext<T>) context, type);
        return factory.createInterceptedInstance(type.cast(instance));
    }

    private static void close(Object instance) {
        if (instance instanceof Closeable c) {
            try {
                c.close();
            } catch (java.io.IOException e) {
                // nothing more to release
            }
        }
    }
}

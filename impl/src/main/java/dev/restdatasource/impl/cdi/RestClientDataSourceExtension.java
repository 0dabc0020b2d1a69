package dev.restdatasource.impl.cdi;

import dev.restdatasource.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.inject.Provider;
import java.io.Closeable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Makes {@code @Inject @DataSource SomeClient} work for every interface annotated {@link RegisterRestClient}: for
 * each such interface found at a {@code @DataSource} injection point it adds one application-scoped bean whose
 * calls run through the data-source pipeline (the Rest Client is shared; deduplication is per request scope through
 * {@link RestClientSources}). The settings are read when the bean is defined, so a missing or invalid URL fails
 * deployment with the keys' names. Registered in {@code META-INF/services}.
 */
public class RestClientDataSourceExtension implements Extension {
    private final Set<Class<?>> interfaces = ConcurrentHashMap.newKeySet();

    /** Called by the container. */
    public RestClientDataSourceExtension() {
    }

    void addHolder(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        event.addAnnotatedType(beanManager.createAnnotatedType(RestClientSources.class), RestClientSources.class.getName());
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
        for (Class<?> type : interfaces) {
            RestClientSettings settings;
            try {
                settings = RestClientSettings.read(type, ConfigProvider.getConfig());
            } catch (IllegalArgumentException e) {
                event.addDefinitionError(new DeploymentException(e.getMessage(), e));
                continue;
            }
            SourceLookup sources = new SourceLookup(settings.name(), beanManager);
            event.addBean()
                    .id(RestClientDataSourceExtension.class.getName() + ":" + type.getName())
                    .beanClass(type)
                    .types(type, Object.class)
                    .qualifiers(DataSourceLiteral.INSTANCE, Any.Literal.INSTANCE)
                    .scope(ApplicationScoped.class)
                    .createWith(context -> RestClientFactory.create(settings, sources))
                    .destroyWith((instance, context) -> close(instance));
        }
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

package dev.restdatasource.internal.restclient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the instance of a data-source Rest Client: the Rest Client itself, made with {@link RestClientBuilder} so
 * the interface's {@code @RegisterProvider}s, {@code ClientHeadersFactory} and the configured providers and
 * timeouts apply, plus the pipeline's filter, error mapper and context propagation (an
 * {@code AsyncInvocationInterceptorFactory} and, for runtimes that skip it, a {@link CallContextExecutor}), wrapped
 * in a {@link ClientInvocationHandler}; plus, the same way, the Rest Client of the interface's
 * {@link SynchronousTwin} when it has one.
 */
final class RestClientFactory {
    private static final System.Logger LOG = System.getLogger(RestClientFactory.class.getName());

    private RestClientFactory() {
    }

    /**
     * Builds the {@code @DataSource} instance of {@code settings.type()}: over its Rest Client and, when the
     * interface has a {@link SynchronousTwin}, over a Rest Client of the twin built the same way (without one, logged
     * at INFO, when the runtime refuses to build it: the asynchronous methods then keep the runtime's path).
     */
    static Object create(RestClientSettings settings, DataSourceLocator locator) {
        List<Class<?>> providers = new ArrayList<>();
        for (String provider : settings.providers().keySet()) {
            providers.add(load(provider, settings.type()));
        }
        Object client = builder(settings, providers, locator).build(settings.type());
        SynchronousTwin twin = SynchronousTwin.of(settings.type(), providers);
        Object twinClient = null;
        if (twin != null) {
            try {
                twinClient = builder(settings, providers, locator).build(twin.type());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, () -> "The Rest Client runtime did not build the synchronous twin of "
                        + settings.type().getName() + " (" + e + "): its asynchronous methods keep the runtime's path", e);
            }
        }
        return ClientInvocationHandler.create(settings.type(), client, twin, twinClient, locator);
    }

    /** Returns a builder with the client's settings, its providers and the pipeline's. */
    private static RestClientBuilder builder(RestClientSettings settings, List<Class<?>> providers,
            DataSourceLocator locator) {
        RestClientBuilder builder = RestClientBuilder.newBuilder().baseUri(settings.baseUri());
        if (settings.connectTimeout() != null) {
            builder.connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (settings.readTimeout() != null) {
            builder.readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (settings.followRedirects() != null) {
            builder.followRedirects(settings.followRedirects());
        }
        int i = 0;
        for (Integer priority : settings.providers().values()) {
            Class<?> type = providers.get(i++);
            if (priority == null) {
                builder.register(type);
            } else {
                builder.register(type, priority);
            }
        }
        builder.register(new PipelineFilter(locator, settings.type().getName()), PipelineFilter.PRIORITY);
        builder.register(new ErrorResponseExceptionMapper(locator), ErrorResponseExceptionMapper.PRIORITY);
        builder.register(new CallContextPropagation());
        builder.executorService(CallContextExecutor.create());
        return builder;
    }

    private static Class<?> load(String className, Class<?> near) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className, false, tccl != null ? tccl : near.getClassLoader());
        } catch (ClassNotFoundException e) {
            try {
                return Class.forName(className, false, near.getClassLoader());
            } catch (ClassNotFoundException again) {
                throw new IllegalArgumentException("Provider class " + className + " of the Rest Client "
                        + near.getName() + " (from its mp-rest/providers key) not found", again);
            }
        }
    }
}

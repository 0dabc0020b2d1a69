package dev.restdatasource.internal.restclient;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the instance of a data-source Rest Client: the Rest Client itself, made with {@link RestClientBuilder} so
 * the interface's {@code @RegisterProvider}s, {@code ClientHeadersFactory} and the configured providers and
 * timeouts apply, plus the pipeline's filter, error mapper and context propagation (an
 * {@code AsyncInvocationInterceptorFactory} and, for runtimes that skip it, a {@link CallContextExecutor}), wrapped
 * in a {@link ClientInvocationHandler}.
 */
final class RestClientFactory {
    private RestClientFactory() {
    }

    /** Builds the {@code @DataSource} instance of {@code settings.type()}. */
    static Object create(RestClientSettings settings, DataSourceLocator locator) {
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
        for (Map.Entry<String, Integer> provider : settings.providers().entrySet()) {
            Class<?> type = load(provider.getKey(), settings.type());
            if (provider.getValue() == null) {
                builder.register(type);
            } else {
                builder.register(type, provider.getValue());
            }
        }
        builder.register(new PipelineFilter(locator, settings.type().getName()), PipelineFilter.PRIORITY);
        builder.register(new ErrorResponseExceptionMapper(locator), ErrorResponseExceptionMapper.PRIORITY);
        builder.register(new CallContextPropagation());
        builder.executorService(CallContextExecutor.create());
        return ClientInvocationHandler.create(settings.type(), builder.build(settings.type()), locator);
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

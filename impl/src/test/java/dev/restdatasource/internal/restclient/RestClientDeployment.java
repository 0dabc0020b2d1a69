package dev.restdatasource.internal.restclient;

import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Boots Weld SE without discovery (which also skips META-INF/services extensions: ours is added) over a given MicroProfile Config. */
final class RestClientDeployment implements AutoCloseable {
    private final Config config;
    private final WeldContainer container;

    private RestClientDeployment(Config config, WeldContainer container) {
        this.config = config;
        this.container = container;
    }

    static RestClientDeployment start(Map<String, String> properties, List<Class<?>> beans) {
        return start(properties, beans, new Extension[0]);
    }

    /** As {@link #start(Map, List)}, with further portable extensions (e.g. a Fault Tolerance implementation's). */
    static RestClientDeployment start(Map<String, String> properties, List<Class<?>> beans, Extension... more) {
        Config config = new SmallRyeConfigBuilder().addDefaultSources()
                .withSources(new RestClientFixtures.MapConfigSource(properties)).build();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            resolver.releaseConfig(resolver.getConfig(loader));
        } catch (RuntimeException e) {
            // none registered yet
        }
        resolver.registerConfig(config, loader);
        try {
            Weld weld = new Weld().disableDiscovery().addExtension(new RestClientDataSourceExtension())
                    .addBeanClasses(beans.toArray(Class<?>[]::new));
            for (Extension extension : more) {
                weld.addExtension(extension);
            }
            return new RestClientDeployment(config, weld.initialize());
        } catch (RuntimeException e) {
            resolver.releaseConfig(config);
            throw e;
        }
    }

    WeldContainer container() {
        return container;
    }

    /** Runs {@code work} inside a new request scope, as one GraphQL request. */
    <T> T inRequest(Supplier<T> work) {
        RequestContextController controller = container.select(RequestContextController.class).get();
        controller.activate();
        try {
            return work.get();
        } finally {
            controller.deactivate();
        }
    }

    @Override
    public void close() {
        container.shutdown();
        ConfigProviderResolver.instance().releaseConfig(config);
    }
}

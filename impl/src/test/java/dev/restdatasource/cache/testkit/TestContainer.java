package dev.restdatasource.cache.testkit;

import dev.restdatasource.internal.cdi.RestDataSourceExtension;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Weld SE without discovery (published in the test-jar for the backend modules' CDI contract), with
 * {@link RestDataSourceExtension} and the given bean classes, over a SmallRye Config
 * holding exactly {@code settings}; closing it shuts Weld down and releases that config.
 */
public final class TestContainer implements AutoCloseable {
    private final SmallRyeConfig config;
    private final WeldContainer weld;

    private TestContainer(SmallRyeConfig config, WeldContainer weld) {
        this.config = config;
        this.weld = weld;
    }

    /** Boots a container; on failure the config is released and the boot exception rethrown. */
    public static TestContainer boot(Map<String, String> settings, Class<?>... beanClasses) {
        return boot(settings, List.of(), beanClasses);
    }

    /** As {@link #boot(Map, Class[])}, with further portable extensions (e.g. a cache backend module's). */
    public static TestContainer boot(Map<String, String> settings, List<Extension> extensions, Class<?>... beanClasses) {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "test-settings", 500))
                .build();
        resolver.registerConfig(config, loader);
        try {
            Weld builder = new Weld("restdatasource-test-" + System.nanoTime())
                    .disableDiscovery()
                    .addExtension(new RestDataSourceExtension())
                    .addBeanClasses(beanClasses);
            extensions.forEach(builder::addExtension);
            WeldContainer weld = builder.initialize();
            return new TestContainer(config, weld);
        } catch (RuntimeException e) {
            resolver.releaseConfig(config);
            throw e;
        }
    }

    public <T> T bean(Class<T> type) {
        return weld.select(type).get();
    }

    /** Runs {@code work} inside a fresh request scope, as one GraphQL request. */
    public <T> T inRequest(Callable<T> work) throws Exception {
        RequestContextController controller = bean(RequestContextController.class);
        controller.activate();
        try {
            return work.call();
        } finally {
            controller.deactivate();
        }
    }

    @Override
    public void close() {
        try {
            weld.shutdown();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }
}

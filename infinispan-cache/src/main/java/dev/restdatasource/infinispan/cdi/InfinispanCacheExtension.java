package dev.restdatasource.infinispan.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds {@link InfinispanCacheProducer} to the application when MicroProfile Config has
 * {@value InfinispanCacheProducer#MODE}, so that adding this jar and the config lines is all a WAR needs.
 * Without that key (or without MicroProfile Config) it adds nothing and the application keeps its own
 * {@code KeyValueCache} bean, or the in-memory default. Registered through {@code META-INF/services}; the jar
 * itself is not a bean archive. At deployment validation it checks every {@code restdatasource.infinispan.*}
 * value, so a wrong one fails the deployment naming its full key (nothing is started then). Stateless.
 */
public final class InfinispanCacheExtension implements Extension {
    void addProducerWhenConfigured(@Observes BeforeBeanDiscovery discovery) {
        if (configured()) {
            discovery.addAnnotatedType(InfinispanCacheProducer.class, InfinispanCacheProducer.class.getName());
        }
    }

    void checkSettings(@Observes AfterDeploymentValidation validation) {
        if (configured()) {
            try {
                InfinispanCacheProducer.read(ConfigProvider.getConfig());
            } catch (RuntimeException wrong) {
                validation.addDeploymentProblem(wrong);
            }
        }
    }

    private static boolean configured() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(InfinispanCacheProducer.MODE, String.class).isPresent();
        } catch (RuntimeException | LinkageError noConfig) {
            return false;
        }
    }
}

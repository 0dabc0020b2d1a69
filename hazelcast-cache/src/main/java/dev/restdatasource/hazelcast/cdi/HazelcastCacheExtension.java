package dev.restdatasource.hazelcast.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds {@link HazelcastCacheProducer} to the application when MicroProfile Config has
 * {@value HazelcastCacheProducer#MODE}, so that adding this jar and the config lines is all a WAR needs.
 * Without that key (or without MicroProfile Config) it adds nothing and the application keeps its own
 * {@code KeyValueCache} bean, or the in-memory default. Registered through {@code META-INF/services}; the jar
 * itself is not a bean archive. At deployment validation it checks every {@code restdatasource.hazelcast.*}
 * value, so a wrong one fails the deployment naming its full key (nothing is started then). Stateless.
 */
public final class HazelcastCacheExtension implements Extension {
    void addProducerWhenConfigured(@Observes BeforeBeanDiscovery discovery) {
        if (configured()) {
            discovery.addAnnotatedType(HazelcastCacheProducer.class, HazelcastCacheProducer.class.getName());
        }
    }

    void checkSettings(@Observes AfterDeploymentValidation validation) {
        if (configured()) {
            try {
                HazelcastCacheProducer.read(ConfigProvider.getConfig());
            } catch (RuntimeException wrong) {
                validation.addDeploymentProblem(wrong);
            }
        }
    }

    private static boolean configured() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(HazelcastCacheProducer.MODE, String.class).isPresent();
        } catch (RuntimeException | LinkageError noConfig) {
            return false;
        }
    }
}

package dev.restdatasource.infinispan.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds {@link InfinispanCacheProducer} to the application when MicroProfile Config has
 * {@value InfinispanCacheProducer#MODE}, so that adding this jar and the config lines is all a WAR needs.
 * Without that key (or without MicroProfile Config) it adds nothing and the application keeps its own
 * {@code KeyValueCache} bean, or the in-memory default. Registered through {@code META-INF/services}; the jar
 * itself is not a bean archive. At deployment validation it checks every {@code restdatasource.infinispan.*}
 * value, so a wrong one fails the deployment naming its full key (nothing is started then).
 * It also fails deployment on an unknown key under {@value InfinispanCacheProducer#PREFIX}
 * (a typo would otherwise silently leave a default in place, e.g. a member that clusters with nobody). Stateless.
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

    /** The keys under {@value InfinispanCacheProducer#PREFIX} this module reads. */
    static final List<String> KEYS = List.of("mode", "cluster-name", "bind-address", "bind-port",
            "initial-hosts", "owners", "servers", "cache-name");

    void rejectUnknownKeys(@Observes AfterDeploymentValidation validation) {
        unknownKeys(configuredNames()).forEach(p -> validation.addDeploymentProblem(new IllegalArgumentException(p)));
    }

    /** One message per name under the prefix that is not one of {@link #KEYS}, sorted. */
    static List<String> unknownKeys(Iterable<String> names) {
        String prefix = InfinispanCacheProducer.PREFIX;
        TreeSet<String> problems = new TreeSet<>();
        for (String name : names) {
            if (name.startsWith(prefix) && !KEYS.contains(name.substring(prefix.length()))) {
                problems.add(name + ": unknown key; the known keys are " + prefix + String.join(", " + prefix, KEYS));
            }
        }
        return List.copyOf(problems);
    }

    private static Iterable<String> configuredNames() {
        try {
            return ConfigProvider.getConfig().getPropertyNames();
        } catch (RuntimeException | LinkageError noConfig) {
            return List.of();
        }
    }
}

package dev.restdatasource.internal.health;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;

/**
 * Adds {@link StoreHealthCheck} as a bean when the MicroProfile Health API is there. The CDI extension calls
 * {@link #available()} first, and {@link #addTo} only when it answers {@code true}, so that without the API no class
 * that refers to it is ever loaded. Stateless.
 */
public final class HealthChecks {
    static final String HEALTH_CHECK_CLASS = "org.eclipse.microprofile.health.HealthCheck";

    private HealthChecks() {
    }

    /** Whether the application can see the MicroProfile Health API (the server has a health feature). */
    public static boolean available() {
        return loadable(HEALTH_CHECK_CLASS, HealthChecks.class.getClassLoader());
    }

    static boolean loadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** Adds the store's readiness check; call only when {@link #available()}. */
    public static void addTo(BeforeBeanDiscovery event, BeanManager bm) {
        event.addAnnotatedType(bm.createAnnotatedType(StoreHealthCheck.class),
                HealthChecks.class.getName() + "#" + StoreHealthCheck.class.getName());
    }
}

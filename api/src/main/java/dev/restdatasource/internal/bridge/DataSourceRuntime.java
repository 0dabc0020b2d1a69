package dev.restdatasource.internal.bridge;

import dev.restdatasource.DataSourceConfig;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Connects the API to its implementation, found with {@link ServiceLoader} (the implementation module
 * registers one). Lets users compile against the API alone.
 */
public interface DataSourceRuntime {
    /** Creates the engine for one data-source instance. */
    DataSourceEngine newEngine(DataSourceConfig config, DataSourceHooks hooks);

    /**
     * Returns the runtime registered in {@code META-INF/services}, looked up with this interface's class
     * loader first and then the thread's context class loader.
     *
     * @throws IllegalStateException when none is on the class path
     */
    static DataSourceRuntime get() {
        return Holder.INSTANCE;
    }

    /** Lazy holder of the runtime found by the service loader. */
    final class Holder {
        private static final DataSourceRuntime INSTANCE = load();

        private Holder() {
        }

        private static DataSourceRuntime load() {
            Iterator<DataSourceRuntime> found = ServiceLoader.load(DataSourceRuntime.class,
                    DataSourceRuntime.class.getClassLoader()).iterator();
            if (!found.hasNext()) {
                found = ServiceLoader.load(DataSourceRuntime.class).iterator();
            }
            if (!found.hasNext()) {
                throw new IllegalStateException("No restdatasource implementation found: add the artifact "
                        + "dev.restdatasource:restdatasource-impl to the application");
            }
            return found.next();
        }
    }
}

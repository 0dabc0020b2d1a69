package dev.restdatasource.backend;

import dev.restdatasource.cache.KeyValueCache;

/**
 * A store that can say where it lives and whether it is connected, for the data sources' health check (MicroProfile
 * Health, when the server has it). A backend's CDI producer declares this type as its return type, so that the
 * container's client proxy of the store implements it too.
 *
 * <p>Every method answers from state the client already holds: no network I/O, no waiting, never throws. Thread-safe.
 * A store that does not implement this interface is reported as reachable, and only its circuit breaker (open after
 * repeated failures) shows an outage.
 */
public interface MonitoredKeyValueCache extends KeyValueCache {
    /** A short name of the kind of store, e.g. {@code redis}; never {@code null}. */
    String storeName();

    /**
     * Where the store lives, e.g. {@code 127.0.0.1:6379} or several such addresses separated by commas; never a user
     * name or a password (the health check also removes anything up to an {@code @}); never {@code null}.
     */
    String address();

    /**
     * Whether the client has a usable connection to the store right now (for a cluster: to at least one member),
     * as the client last saw it.
     */
    boolean reachable();
}

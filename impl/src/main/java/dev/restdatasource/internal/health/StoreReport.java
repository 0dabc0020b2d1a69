package dev.restdatasource.internal.health;

import dev.restdatasource.backend.MonitoredKeyValueCache;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.store.GuardedStores;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One cache store as the health check shows it: its kind, where it lives (never credentials) and its state.
 *
 * <p>The state: {@link StoreState#UNREACHABLE} when the store says it has no connection
 * ({@link MonitoredKeyValueCache#reachable()}), else {@link StoreState#CIRCUIT_OPEN} when the circuit breaker in front
 * of it is open, else {@link StoreState#UP}. A store that cannot say whether it is connected (an application's own
 * store) counts as connected; the in-memory store always is.
 *
 * @param name    the kind of store, e.g. {@code in-memory}, {@code redis}
 * @param address where it lives, without user information
 * @param state   its state
 */
public record StoreReport(String name, String address, StoreState state) {
    static final String IN_MEMORY = "in-memory";
    static final String IN_PROCESS = "in-process";
    static final String UNKNOWN = "unknown";

    /** Reads the state of {@code store}, asking the registry of circuit breakers whether one in front of it is open. */
    public static StoreReport of(KeyValueCache store) {
        return of(store, GuardedStores.circuitOpen(store));
    }

    /** Reads the state of {@code store} given whether its circuit breaker is open. Never throws. */
    static StoreReport of(KeyValueCache store, boolean circuitOpen) {
        if (store instanceof InMemoryKeyValueCache) {
            return new StoreReport(IN_MEMORY, IN_PROCESS, circuitOpen ? StoreState.CIRCUIT_OPEN : StoreState.UP);
        }
        String name = kindOf(store);
        String address = UNKNOWN;
        boolean reachable = true;
        if (store instanceof MonitoredKeyValueCache monitored) {
            try {
                name = monitored.storeName();
                address = withoutUserInfo(monitored.address());
                reachable = monitored.reachable();
            } catch (RuntimeException | LinkageError broken) {
                reachable = false; // a store whose client cannot even answer this is not usable either
            }
        }
        StoreState state = !reachable ? StoreState.UNREACHABLE : circuitOpen ? StoreState.CIRCUIT_OPEN : StoreState.UP;
        return new StoreReport(name, address, state);
    }

    /** The class's simple name without a proxy's suffix (from the first {@code $}). */
    private static String kindOf(KeyValueCache store) {
        String simple = store.getClass().getSimpleName();
        int dollar = simple.indexOf('$');
        return dollar > 0 ? simple.substring(0, dollar) : simple;
    }

    /**
     * Each comma-separated address without anything up to its last {@code @} (so {@code redis://user:secret@host:6379}
     * shows as {@code host:6379}), and without a scheme; {@code unknown} for a null or blank one.
     */
    static String withoutUserInfo(String address) {
        if (address == null || address.isBlank()) {
            return UNKNOWN;
        }
        return Arrays.stream(address.split(",")).map(String::trim).filter(a -> !a.isEmpty()).map(a -> {
            int scheme = a.indexOf("://");
            String rest = scheme >= 0 ? a.substring(scheme + 3) : a;
            int at = rest.lastIndexOf('@');
            return at >= 0 ? rest.substring(at + 1) : rest;
        }).collect(Collectors.joining(","));
    }
}

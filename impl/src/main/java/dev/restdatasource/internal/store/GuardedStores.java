package dev.restdatasource.internal.store;

import dev.restdatasource.cache.KeyValueCache;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Every {@link ErrorsAreMissesKeyValueCache} alive, so that the health check can tell whether the circuit breaker in
 * front of a store is open. Holds the wrappers weakly: a wrapper no pipeline uses any more is forgotten. Thread-safe.
 */
public final class GuardedStores {
    private static final Set<ErrorsAreMissesKeyValueCache> ALL = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private GuardedStores() {
    }

    static void register(ErrorsAreMissesKeyValueCache wrapper) {
        ALL.add(wrapper);
    }

    /** Whether the breaker of any wrapper of {@code store} (the same instance) is open or half-open. */
    public static boolean circuitOpen(KeyValueCache store) {
        List<ErrorsAreMissesKeyValueCache> wrappers;
        synchronized (ALL) {
            wrappers = new ArrayList<>(ALL);
        }
        return wrappers.stream().anyMatch(w -> w.delegate() == store && w.isOpen());
    }
}

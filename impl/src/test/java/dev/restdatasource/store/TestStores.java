package dev.restdatasource.store;

import java.util.function.LongSupplier;

/** Test access to the stores' package-private constructors, for tests in other packages. */
public final class TestStores {
    private TestStores() {
    }

    /** An in-memory store bounded by {@code maxBytes} whose expiry reads {@code nanoTicker}. */
    public static InMemoryKeyValueCache inMemory(long maxBytes, LongSupplier nanoTicker) {
        return new InMemoryKeyValueCache(maxBytes, nanoTicker);
    }
}

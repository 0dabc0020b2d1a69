/**
 * What the pipeline puts around every store, whichever it is: {@link
 * dev.restdatasource.internal.store.ErrorsAreMissesKeyValueCache} turns a store's failures and slow answers into
 * misses, and its {@link dev.restdatasource.internal.store.CircuitBreaker} skips a store that keeps failing. A store
 * that may block its calling thread is called on a bounded pool of daemon threads ({@link
 * dev.restdatasource.internal.store.StoreThreads}), so a request waits for a store no longer than the store timeout.
 * The stores users choose are in {@link dev.restdatasource.store}.
 *
 * <p>Internal: no code outside restdatasource-impl imports this package; no compatibility promise.
 */
package dev.restdatasource.internal.store;

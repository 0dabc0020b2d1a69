/**
 * The cache store's MicroProfile Health check: {@link dev.restdatasource.internal.health.StoreReport} reads the
 * store's state (pure of any health API), {@link dev.restdatasource.internal.health.StoreHealthCheck} turns it into a
 * readiness response. Only {@code StoreHealthCheck} refers to {@code org.eclipse.microprofile.health}, and the CDI
 * extension adds it as a bean only when that API is loadable, so the library runs without it.
 *
 * <p>Internal: no code outside restdatasource-impl imports this package; no compatibility promise.
 */
package dev.restdatasource.internal.health;

/**
 * The kit for authors of a cache backend module (as the Infinispan, Hazelcast, Redis and Memcached modules are): {@link
 * dev.restdatasource.backend.Ttl} (the one reading of a time to live: what counts as a removal, rounding to a store's
 * unit), {@link dev.restdatasource.backend.HostPort} (parsing configured addresses) and {@link
 * dev.restdatasource.backend.CacheBackendExtension} (the CDI base that adds a backend's producer from MicroProfile
 * Config and checks every key under its prefix at deployment).
 *
 * <p>Who may import it: backend authors. Applications have no need for it.
 *
 * <p>Compatibility: public API of restdatasource-impl for backend modules, with the same promise as {@code
 * dev.restdatasource.store}: every change shows in the reviewed API listing ({@code
 * impl/src/api/restdatasource-impl.api}) and in CHANGELOG.md.
 */
package dev.restdatasource.backend;

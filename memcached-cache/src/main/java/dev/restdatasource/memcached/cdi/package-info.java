/**
 * The optional CDI wiring of the Memcached store: {@link dev.restdatasource.memcached.cdi.MemcachedCacheExtension}
 * (registered through {@code META-INF/services}) adds {@link dev.restdatasource.memcached.cdi.MemcachedCacheProducer}
 * when MicroProfile Config has the backend's switch key and checks every {@code restdatasource.memcached.*} key at
 * deployment.
 *
 * <p>Who may import it: nobody needs to. The container finds the extension by itself; applications use the
 * configuration keys listed on the producer. The types are public because CDI and {@code ServiceLoader} require it.
 *
 * <p>Compatibility: the configuration keys and their meaning follow the promise of the module's main package (changes
 * listed in CHANGELOG.md); the Java types may change in any release. They appear in the reviewed API listing ({@code
 * memcached-cache/src/api/restdatasource-memcached.api}).
 */
package dev.restdatasource.memcached.cdi;

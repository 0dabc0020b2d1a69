/**
 * The optional CDI wiring of the Hazelcast store: {@link dev.restdatasource.hazelcast.cdi.HazelcastCacheExtension}
 * (registered through {@code META-INF/services}) adds {@link dev.restdatasource.hazelcast.cdi.HazelcastCacheProducer}
 * when MicroProfile Config has the backend's switch key and checks every {@code restdatasource.hazelcast.*} key at
 * deployment.
 *
 * <p>Who may import it: nobody needs to. The container finds the extension by itself; applications use the
 * configuration keys listed on the producer. The types are public because CDI and {@code ServiceLoader} require it.
 *
 * <p>Compatibility: the configuration keys and their meaning follow the promise of the module's main package (changes
 * listed in CHANGELOG.md); the Java types may change in any release. They appear in the reviewed API listing ({@code
 * hazelcast-cache/src/api/restdatasource-hazelcast.api}).
 */
package dev.restdatasource.hazelcast.cdi;

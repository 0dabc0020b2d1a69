/**
 * KeyValueCache on Hazelcast: {@link dev.restdatasource.hazelcast.HazelcastKeyValueCache} over an {@code IMap} of
 * an embedded member (TCP-IP join, never multicast) or a client; {@link dev.restdatasource.hazelcast.HazelcastCaches}
 * builds either; the optional CDI wiring in {@code dev.restdatasource.hazelcast.cdi} builds one from MicroProfile
 * Config.
 *
 * <p>Who may import it: users who build or configure the store in code (CDI applications need only the jar and the
 * configuration keys).
 *
 * <p>Compatibility: public API of restdatasource-hazelcast. Every change shows in the reviewed API listing ({@code
 * hazelcast-cache/src/api/restdatasource-hazelcast.api}) and in CHANGELOG.md. Before 1.0 an incompatible change may
 * come in a minor release and is listed there; from 1.0 on, only in a major release.
 */
package dev.restdatasource.hazelcast;

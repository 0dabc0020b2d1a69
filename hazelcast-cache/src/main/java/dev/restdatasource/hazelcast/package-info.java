/**
 * KeyValueCache on Hazelcast: {@link dev.restdatasource.hazelcast.HazelcastKeyValueCache} over an {@code IMap} of
 * an embedded member (TCP-IP join, never multicast) or a client; {@link dev.restdatasource.hazelcast.HazelcastCaches}
 * builds either; the optional CDI wiring in {@code dev.restdatasource.hazelcast.cdi} builds one from MicroProfile
 * Config.
 */
package dev.restdatasource.hazelcast;

/**
 * KeyValueCache on Infinispan: {@link dev.restdatasource.infinispan.InfinispanKeyValueCache} over an embedded
 * clustered cache (JGroups TCP on configured addresses, never multicast) or a Hot Rod client;
 * {@link dev.restdatasource.infinispan.InfinispanCaches} builds either; the optional CDI wiring in
 * {@code dev.restdatasource.infinispan.cdi} builds one from MicroProfile Config.
 */
package dev.restdatasource.infinispan;

/**
 * KeyValueCache on Infinispan: {@link dev.restdatasource.infinispan.InfinispanKeyValueCache} over an embedded
 * clustered cache (JGroups TCP on configured addresses, never multicast) or a Hot Rod client;
 * {@link dev.restdatasource.infinispan.InfinispanCaches} builds either; the optional CDI wiring in
 * {@code dev.restdatasource.infinispan.cdi} builds one from MicroProfile Config.
 *
 * <p>Who may import it: users who build or configure the store in code (CDI applications need only the jar and the
 * configuration keys).
 *
 * <p>Compatibility: public API of restdatasource-infinispan. Every change shows in the reviewed API listing ({@code
 * infinispan-cache/src/api/restdatasource-infinispan.api}) and in CHANGELOG.md. Before 1.0 an incompatible change may
 * come in a minor release and is listed there; from 1.0 on, only in a major release.
 */
package dev.restdatasource.infinispan;

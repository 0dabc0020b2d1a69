/**
 * KeyValueCache on memcached: {@link dev.restdatasource.memcached.MemcachedKeyValueCache} over an xmemcached client
 * with consistent hashing across servers; {@link dev.restdatasource.memcached.MemcachedCaches} builds one from
 * {@link dev.restdatasource.memcached.MemcachedSettings}; the optional CDI wiring in
 * {@code dev.restdatasource.memcached.cdi} builds one from MicroProfile Config.
 *
 * <p>Who may import it: users who build or configure the store in code (CDI applications need only the jar and the
 * configuration keys).
 *
 * <p>Compatibility: public API of restdatasource-memcached. Every change shows in the reviewed API listing ({@code
 * memcached-cache/src/api/restdatasource-memcached.api}) and in CHANGELOG.md. Before 1.0 an incompatible change may
 * come in a minor release and is listed there; from 1.0 on, only in a major release.
 */
package dev.restdatasource.memcached;

/**
 * KeyValueCache on memcached: {@link dev.restdatasource.memcached.MemcachedKeyValueCache} over an xmemcached client
 * with consistent hashing across servers; {@link dev.restdatasource.memcached.MemcachedCaches} builds one from
 * {@link dev.restdatasource.memcached.MemcachedSettings}; the optional CDI wiring in
 * {@code dev.restdatasource.memcached.cdi} builds one from MicroProfile Config.
 */
package dev.restdatasource.memcached;

/**
 * KeyValueCache on Redis through Lettuce: {@link dev.restdatasource.redis.RedisKeyValueCache} on one connection to a
 * standalone server, a Sentinel-resolved master or a Redis Cluster; {@link dev.restdatasource.redis.RedisCaches}
 * builds one from {@link dev.restdatasource.redis.RedisSettings}; the optional CDI wiring in
 * {@code dev.restdatasource.redis.cdi} builds one from MicroProfile Config.
 *
 * <p>Who may import it: users who build or configure the store in code (CDI applications need only the jar and the
 * configuration keys).
 *
 * <p>Compatibility: public API of restdatasource-redis. Every change shows in the reviewed API listing ({@code
 * redis-cache/src/api/restdatasource-redis.api}) and in CHANGELOG.md. Before 1.0 an incompatible change may come in a
 * minor release and is listed there; from 1.0 on, only in a major release.
 */
package dev.restdatasource.redis;

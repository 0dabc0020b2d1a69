/**
 * KeyValueCache on Redis through Lettuce: {@link dev.restdatasource.redis.RedisKeyValueCache} on one connection to a
 * standalone server, a Sentinel-resolved master or a Redis Cluster; {@link dev.restdatasource.redis.RedisCaches}
 * builds one from {@link dev.restdatasource.redis.RedisSettings}; the optional CDI wiring in
 * {@code dev.restdatasource.redis.cdi} builds one from MicroProfile Config.
 */
package dev.restdatasource.redis;

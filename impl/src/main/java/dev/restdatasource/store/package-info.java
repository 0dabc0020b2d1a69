/**
 * Ready-made {@link dev.restdatasource.cache.KeyValueCache} stores that need no extra module: {@link
 * dev.restdatasource.store.InMemoryKeyValueCache} (the default, bounded in bytes, per-entry expiry) and {@link
 * dev.restdatasource.store.JCacheKeyValueCache} (on any JSR-107 cache the application already has).
 *
 * <p>Who may import it: users (to size the in-memory store or wrap their JCache) and backend authors (in tests).
 *
 * <p>Compatibility: public API of restdatasource-impl. Every change shows in the reviewed API listing ({@code
 * impl/src/api/restdatasource-impl.api}) and in CHANGELOG.md. Before 1.0 an incompatible change may come in a minor
 * release and is listed there; from 1.0 on, only in a major release.
 */
package dev.restdatasource.store;

/**
 * Request deduplication, the first cache layer: {@link dev.restdatasource.internal.dedup.Deduplicator} shares
 * identical calls of one data-source instance (keyed by the deduplication policy's key and the caller's
 * credentials) while they are in flight or until invalidated. The pipeline's deduplication step uses it.
 *
 * <p>Internal: nothing outside restdatasource-impl may import this package, and it carries no compatibility
 * promise; it changes without notice between releases.
 */
package dev.restdatasource.internal.dedup;

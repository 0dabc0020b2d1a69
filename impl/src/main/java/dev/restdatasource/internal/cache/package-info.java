/**
 * The shared HTTP cache, the pipeline step that answers from a {@code KeyValueCache} when HTTP allows it.
 * Internal to restdatasource-impl: nothing outside it imports this package, and its types may change in any
 * release.
 *
 * <p>Two halves, as OkHttp's CacheInterceptor beside its CacheStrategy:
 * <ul>
 *   <li>I/O: {@link dev.restdatasource.internal.cache.HttpCache} reads, writes and deletes entries and goes
 *       {@link dev.restdatasource.internal.cache.Upstream}; it decides nothing. An
 *       {@link dev.restdatasource.internal.cache.Exchange} is the request as it sees it.</li>
 *   <li>Decisions: {@link dev.restdatasource.internal.cache.CachePolicy}, pure and given every instant, routes
 *       each question to the one small class that owns the rule: storing ({@code Storing}, {@code StoreTtl}),
 *       freshness and age ({@code Freshness}, {@code Ages}), serving ({@code Serving}, {@code StaleOnError}),
 *       validation ({@code Validation}), invalidation ({@code Invalidation}), stored fields
 *       ({@code StoredHeaders}). Semantics: RFC 9111 for a shared cache, RFC 5861 stale-while-revalidate and
 *       stale-if-error, and Apollo's TTL override made safe for credentials.</li>
 * </ul>
 * Around them: {@code CacheKey} writes the store keys, {@code RequestDirectives} and {@code ResponseDirectives}
 * read a message's Cache-Control once ({@code CacheControl} is the parser), {@code HttpDates} reads and writes
 * HTTP dates, and {@link dev.restdatasource.internal.cache.EntryCodec} is the versioned binary form of an entry.
 */
package dev.restdatasource.internal.cache;

/**
 * JSON through JSON-B, which the servers provide: request bodies written and response bodies read by the pipeline's
 * default {@code parseBody}. Only {@code Json} refers to JSON-B, and it is loaded only when a body is JSON
 * ({@code JsonBinding} says whether JSON-B is there first), so the library runs without JSON-B until then.
 *
 * <p>Internal: no code outside restdatasource-impl imports this package; no compatibility promise.
 */
package dev.restdatasource.internal.json;

/**
 * JSON through JSON-B, which the servers provide: request bodies written and response bodies read by the pipeline's
 * default {@code parseBody}.
 *
 * <p>Internal: no code outside restdatasource-impl imports this package; no compatibility promise.
 */
package dev.restdatasource.internal.json;

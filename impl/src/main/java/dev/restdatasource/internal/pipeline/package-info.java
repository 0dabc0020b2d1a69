/**
 * The pipeline of a data-source call: {@code Pipeline} lists its steps in
 * order (request filters, {@code willSendRequest}, URL resolution and body serialization, deduplication, tracing,
 * redirects, the HTTP cache, the transport), each a small {@code Step} that
 * gets the call and the rest of the chain and sees the response on its way back. The engine runs the pipeline for
 * each call of a data source and turns the response into the caller's result (status check, 404 as null, parsing,
 * error mapping) and tells the event listeners of each call ({@code CallEvents}; the built-in {@code FailureLog} and {@code DecisionLog} log on
 * {@code dev.restdatasource.failures} and {@code dev.restdatasource.decisions}); the runtime registered for {@link java.util.ServiceLoader} builds engines over one pipeline per
 * configuration. Both front ends, {@code RESTDataSource} subclasses and {@code @DataSource} Rest Client interfaces,
 * reach it through {@link dev.restdatasource.internal.bridge.DataSourceEngine}.
 *
 * <p>Internal: nothing outside restdatasource-impl may import this package, and it carries no compatibility
 * promise; it changes without notice between releases. Its public classes are public only for the service loader
 * and for other internal packages of restdatasource-impl.
 */
package dev.restdatasource.internal.pipeline;

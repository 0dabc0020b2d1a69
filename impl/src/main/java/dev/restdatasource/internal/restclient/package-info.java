/**
 * The {@code @DataSource} MicroProfile Rest Client bridge: {@code @Inject @DataSource MoviesClient movies} gives a
 * Rest Client whose calls run through the data-source pipeline (request filters, deduplication, shared HTTP cache,
 * error codes).
 *
 * <ul>
 * <li>{@link dev.restdatasource.internal.restclient.RestClientDataSourceExtension} adds one bean per interface found
 *     at a {@code @DataSource} injection point, with the interface's settings ({@code RestClientSettings}, TLS and
 *     proxy in {@code TlsAndProxySettings}), read when the bean is defined;</li>
 * <li>{@code RestClientFactory} builds the Rest Client with the pipeline's request filter ({@code PipelineFilter},
 *     which writes the entity with {@code EntityWriter} and {@code WriterInterceptorChain}), the error-response mapper
 *     ({@code ErrorResponseExceptionMapper}) and the carriers of the call's context to other threads
 *     ({@code CallContextPropagation}, {@code CallContextExecutor});</li>
 * <li>{@code ClientInvocationHandler} is the injected instance: it picks the request's data source
 *     ({@code DataSourceLocator}, one {@code RestClientDataSource} per request scope kept in
 *     {@link dev.restdatasource.internal.restclient.RequestDataSources}) into a {@code CallContext}, and maps failures
 *     for GraphQL clients; an asynchronous call's stage is a {@code CallerRunsFuture}, whose waiter runs the call
 *     if the library's pool ({@code CallContextExecutor}) has not yet;</li>
 * <li>{@code SynchronousTwin} generates, per interface, a twin whose methods are the asynchronous ones made
 *     synchronous (class file written by {@code InterfaceFile}); {@code RestClientFactory} builds a Rest Client for
 *     it too, and the proxy answers an asynchronous method by calling the twin's synchronous method on the library's
 *     pool, so the client runtime's asynchronous machinery is not used.</li>
 * </ul>
 *
 * <p>Internal: no code outside restdatasource-impl imports this package. Its public classes are public only because
 * the CDI container instantiates them (the extension and the request-scoped bean).
 */
package dev.restdatasource.internal.restclient;

/**
 * Makes {@link dev.restdatasource.RESTDataSource} subclasses CDI beans: {@link
 * dev.restdatasource.internal.cdi.RestDataSourceExtension} (the portable extension that prepares each new data source,
 * adds this library's beans and validates the deployment), {@link
 * dev.restdatasource.internal.cdi.DataSourceConfigProducer} (the application's one {@code DataSourceConfig}: shared
 * store, request filters, timeouts) and {@link dev.restdatasource.internal.cdi.GraphQLErrorMappingInterceptor} with
 * its binding {@link dev.restdatasource.internal.cdi.MapsToGraphQLErrors} (failures leave a data source's methods as
 * GraphQL errors with exact codes). {@code DataSourceClasses} reads what deployment needs to know of a data source
 * bean class (its name, whether its code sets a base URL) from its class file, without creating an instance. The
 * settings they read are in {@link dev.restdatasource.internal.config}.
 *
 * <p>Internal: no code outside restdatasource-impl imports this package. Its public classes are
 * public only because the CDI container instantiates them (extension, beans, interceptor and its binding).
 */
package dev.restdatasource.internal.cdi;

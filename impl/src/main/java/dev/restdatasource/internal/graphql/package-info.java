/**
 * What GraphQL clients see of a data-source failure: {@link
 * dev.restdatasource.internal.graphql.GraphQLErrorMapper} turns a {@code DataSourceException} into the application's
 * generated class for its code with a message free of upstream URLs and bodies, and maps each failed call of both
 * front ends ({@code mapFailures}); restdatasource-api's {@code internal.codegen.ErrorCodeProcessor} generates those
 * classes into the application at compile time, and {@link dev.restdatasource.internal.graphql.ErrorCodeCheck} logs an
 * error at deployment when an application with a {@code @GraphQLApi} lacks them; {@link
 * dev.restdatasource.internal.graphql.GraphQLDefaultsConfigSource} lets SmallRye GraphQL show their messages.
 *
 * <p>Internal: no code outside restdatasource-impl imports this package. Its public classes are public because
 * javac and MicroProfile Config load them through {@code META-INF/services} (processor, config source), or, for
 * {@code GraphQLErrorMapper}, because the library's CDI and Rest Client packages share it.
 */
package dev.restdatasource.internal.graphql;

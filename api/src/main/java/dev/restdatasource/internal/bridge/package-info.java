/**
 * The contract between restdatasource-api and restdatasource-impl: {@link dev.restdatasource.RESTDataSource} finds the
 * engine through {@link dev.restdatasource.internal.bridge.DataSourceRuntime} (a {@link java.util.ServiceLoader}
 * service that impl provides), runs its calls through {@link dev.restdatasource.internal.bridge.DataSourceEngine} and
 * hands its overridable hooks to the engine as {@link dev.restdatasource.internal.bridge.DataSourceHooks}. The types
 * are public only because the two jars are separate.
 *
 * <p>Who may import it: nobody outside this project; it is internal, not a user or backend SPI. Only
 * restdatasource-impl implements it.
 *
 * <p>Compatibility: none. It changes whenever api and impl need it to; the two jars are released together and must be
 * used at the same version. The API listing shows only the names of its public types.
 */
package dev.restdatasource.internal.bridge;

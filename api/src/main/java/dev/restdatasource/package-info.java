/**
 * The API users program against: {@link dev.restdatasource.RESTDataSource} (the Apollo-style base class) and its calls
 * ({@link dev.restdatasource.DataSourceCall}), requests and responses, {@link dev.restdatasource.DataSourceConfig},
 * cache and deduplication options, request filters, errors ({@link dev.restdatasource.DataSourceException}, {@link
 * dev.restdatasource.ErrorCode}) and the CDI qualifier {@link dev.restdatasource.DataSource}.
 *
 * <p>Who may import it: users (applications) and backend authors.
 *
 * <p>Compatibility: public API. Every change to it shows in the reviewed API listing ({@code
 * api/src/api/restdatasource-api.api}) and in CHANGELOG.md. Before 1.0 an incompatible change may come in a minor
 * release and is listed there; from 1.0 on, only in a major release.
 */
package dev.restdatasource;

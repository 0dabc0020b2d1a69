/**
 * The transport SPI: {@link dev.restdatasource.spi.Transport} sends one HTTP request described by a {@link
 * dev.restdatasource.spi.TransportRequest} and reads the whole response. The default is the JDK {@code HttpClient}; an
 * integration or a test may supply another through {@link dev.restdatasource.DataSourceConfig}.
 *
 * <p>Who may import it: users and integrators who replace the transport (tests with a fake upstream, a client of their
 * own).
 *
 * <p>Compatibility: public SPI, same promise as {@code dev.restdatasource}: every change shows in the reviewed API
 * listing ({@code api/src/api/restdatasource-api.api}) and in CHANGELOG.md; new methods on the interface come only as
 * default methods.
 */
package dev.restdatasource.spi;

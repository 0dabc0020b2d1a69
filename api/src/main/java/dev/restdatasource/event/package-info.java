/**
 * Events of data-source calls: a {@link dev.restdatasource.event.DataSourceEventListener} set on {@link
 * dev.restdatasource.DataSourceConfig} (or, in a server, any CDI bean of that type) is told of every call of every
 * data source, on both front ends: its start and end, a deduplicated join, the HTTP cache's decision with its reason,
 * store reads and writes, each upstream exchange and redirect, and failures with their error codes. Each event names
 * its call with one immutable {@link dev.restdatasource.event.CallInfo}.
 *
 * <p>Who may import it: users and integrators (metrics, tracing, logs).
 *
 * <p>Compatibility: public SPI, same promise as {@code dev.restdatasource}: every change shows in the reviewed API
 * listing ({@code api/src/api/restdatasource-api.api}) and in CHANGELOG.md; new methods on the interface come only as
 * default methods, new constants may be added to the enums.
 */
package dev.restdatasource.event;

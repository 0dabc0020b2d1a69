/**
 * The {@link dev.restdatasource.DataSourceContext} bean over the incoming servlet request: {@link
 * dev.restdatasource.internal.servlet.ServletDataSourceContext} reads headers and attributes of the current request
 * scope's {@code HttpServletRequest}, answers without failing where there is none, and answers from a snapshot while
 * an asynchronous Rest Client call runs on another thread.
 *
 * <p>Internal: no code outside restdatasource-impl imports this package. Its public classes are public only because
 * the CDI container instantiates them (the bean and its request-scoped state); the Rest Client bridge of this
 * library also calls its snapshot methods.
 */
package dev.restdatasource.internal.servlet;

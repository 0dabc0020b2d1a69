/**
 * The library's own MicroProfile Config settings, {@code restdatasource.*} ({@link
 * dev.restdatasource.internal.config.DataSourceSettings}): read once with the backend kit's
 * {@link dev.restdatasource.backend.SettingsReader}, every wrong value and unknown key reported together, each naming
 * its full key. At deployment, {@link dev.restdatasource.internal.config.BaseUrlCheck} checks the base URL keys
 * against the data sources found, and {@link dev.restdatasource.internal.config.StartupSummary} writes the INFO line
 * of what the application runs with. The Rest Client keys ({@code <configKey>/mp-rest/...}) are read by the Rest Client bridge.
 *
 * <p>Internal: no code outside restdatasource-impl imports this package; no compatibility promise.
 */
package dev.restdatasource.internal.config;

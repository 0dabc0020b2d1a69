package dev.restdatasource.impl;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.spi.DataSourceEngine;
import dev.restdatasource.spi.DataSourceHooks;
import dev.restdatasource.spi.DataSourceRuntime;

/** The runtime registered for {@link java.util.ServiceLoader}: builds {@link Engine}s over shared per-config state. */
public final class DefaultRuntime implements DataSourceRuntime {
    /** Called by the service loader. */
    public DefaultRuntime() {
    }

    @Override
    public DataSourceEngine newEngine(DataSourceConfig config, DataSourceHooks hooks) {
        return new Engine(config, Shared.httpCache(config), hooks);
    }
}

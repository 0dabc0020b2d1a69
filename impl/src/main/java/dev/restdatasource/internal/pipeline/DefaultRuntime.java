package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.internal.bridge.DataSourceEngine;
import dev.restdatasource.internal.bridge.DataSourceHooks;
import dev.restdatasource.internal.bridge.DataSourceRuntime;

/** The runtime registered for {@link java.util.ServiceLoader}: builds {@link Engine}s over shared per-config state. */
public final class DefaultRuntime implements DataSourceRuntime {
    /** Called by the service loader. */
    public DefaultRuntime() {
    }

    @Override
    public DataSourceEngine newEngine(DataSourceConfig config, DataSourceHooks hooks) {
        Shared.State shared = Shared.of(config);
        return new Engine(config, shared.httpCache(), shared.transport(), hooks);
    }
}

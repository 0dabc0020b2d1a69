package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.internal.bridge.DataSourceEngine;
import dev.restdatasource.internal.bridge.DataSourceHooks;
import dev.restdatasource.internal.bridge.DataSourceRuntime;

/**
 * The runtime registered for {@link java.util.ServiceLoader}: gives each data-source instance an {@link Engine} over
 * its configuration's {@link Pipeline}, which every data source of that configuration shares.
 */
public final class DefaultRuntime implements DataSourceRuntime {
    /** Called by the service loader. */
    public DefaultRuntime() {
    }

    @Override
    public DataSourceEngine newEngine(DataSourceConfig config, DataSourceHooks hooks) {
        return new Engine(PipelinePerConfig.of(config), hooks);
    }
}

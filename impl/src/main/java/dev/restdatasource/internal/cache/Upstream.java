package dev.restdatasource.internal.cache;

import dev.restdatasource.DataSourceResponse;
import java.util.concurrent.CompletionStage;

/** What the HTTP cache calls when it must go upstream: the rest of the pipeline after it. Thread-safe. */
@FunctionalInterface
public interface Upstream {
    /** Sends {@code exchange} (its headers may carry the cache's conditional headers) and answers its response. */
    CompletionStage<DataSourceResponse> send(Exchange exchange);
}

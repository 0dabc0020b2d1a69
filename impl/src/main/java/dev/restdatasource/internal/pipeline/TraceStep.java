package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceResponse;
import java.util.concurrent.CompletionStage;

/**
 * Wraps the rest of the pipeline (redirects, HTTP cache, transport) in the data source's {@code trace} hook. It comes
 * after deduplication, so a caller that joins a call in flight is not traced again.
 */
final class TraceStep implements Step {
    @Override
    public CompletionStage<DataSourceResponse> intercept(Call call, Chain next) {
        return call.hooks().trace(call.url(), call.request(), () -> next.proceed(call));
    }
}

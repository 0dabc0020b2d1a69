package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.RequestFilter;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Runs the configuration's {@link RequestFilter}s on the call, in their order, each told the data source's name. */
final class RequestFiltersStep implements Step {
    private final List<RequestFilter> filters;

    RequestFiltersStep(List<RequestFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    @Override
    public CompletionStage<DataSourceResponse> intercept(Call call, Chain next) {
        for (RequestFilter filter : filters) {
            filter.filter(call.hooks().name(), call.request());
        }
        return next.proceed(call);
    }
}

package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceResponse;
import java.util.concurrent.CompletionStage;

/** Calls the data source's {@code willSendRequest} hook, which may change the call (headers, parameters, body). */
final class WillSendRequestStep implements Step {
    @Override
    public CompletionStage<DataSourceResponse> intercept(Call call, Chain next) {
        call.hooks().willSendRequest(call.path(), call.request());
        return next.proceed(call);
    }
}

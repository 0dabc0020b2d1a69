package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.internal.cache.Exchange;
import dev.restdatasource.spi.Transport;
import dev.restdatasource.spi.TransportRequest;
import java.util.concurrent.CompletionStage;

/**
 * The last step: sends the exchange with the configuration's {@link Transport} and answers its response. The body
 * limit is the call's ({@code DataSourceRequest#maxResponseBytes}), else the configuration's.
 */
final class TransportStep implements Step {
    private final Transport transport;
    private final long maxResponseBytes;

    TransportStep(Transport transport, long maxResponseBytes) {
        this.transport = transport;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public CompletionStage<DataSourceResponse> intercept(Call call, Chain next) {
        Exchange x = call.exchange();
        Long perCall = call.request().maxResponseBytes();
        return transport.send(new TransportRequest(x.method(), x.url(), x.headers(), x.body(), x.timeout(),
                perCall != null ? perCall : maxResponseBytes));
    }
}

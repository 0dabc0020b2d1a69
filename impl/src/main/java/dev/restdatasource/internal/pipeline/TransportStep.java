package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.internal.cache.Exchange;
import dev.restdatasource.spi.Transport;
import dev.restdatasource.spi.TransportRequest;
import java.util.concurrent.CompletionStage;

/** The last step: sends the exchange with the configuration's {@link Transport} and answers its response. */
final class TransportStep implements Step {
    private final Transport transport;

    TransportStep(Transport transport) {
        this.transport = transport;
    }

    @Override
    public CompletionStage<DataSourceResponse> intercept(Call call, Chain next) {
        Exchange x = call.exchange();
        return transport.send(new TransportRequest(x.method(), x.url(), x.headers(), x.body(), x.timeout()));
    }
}

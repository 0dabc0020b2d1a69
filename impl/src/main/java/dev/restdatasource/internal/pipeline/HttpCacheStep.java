package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.internal.cache.Exchange;
import dev.restdatasource.internal.cache.HttpCache;
import java.util.concurrent.CompletionStage;

/**
 * Answers from the configuration's shared {@link HttpCache} when HTTP allows, else lets the rest of the pipeline go
 * upstream (possibly with the cache's conditional headers) and stores what may be stored. The call's own request is
 * keyed by the {@code cacheKeyFor} hook; a redirect hop comes keyed by its own URL. The cache tells the call's events its
 * outcome with the policy's reason, and its store reads and writes.
 */
final class HttpCacheStep implements Step {
    private final HttpCache httpCache;

    HttpCacheStep(HttpCache httpCache) {
        this.httpCache = httpCache;
    }

    @Override
    public CompletionStage<DataSourceResponse> intercept(Call call, Chain next) {
        Exchange exchange = call.exchange();
        if (exchange.cacheKey() == null) {
            exchange = exchange.withCacheKey(call.hooks().cacheKeyFor(call.url(), call.request()));
        }
        return httpCache.fetch(exchange, sent -> next.proceed(call.withExchange(sent)), call.events().cacheObserver());
    }
}

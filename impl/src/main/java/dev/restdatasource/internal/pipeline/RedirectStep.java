package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.internal.cache.Exchange;
import dev.restdatasource.internal.http.CredentialHeaders;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Follows redirects up to the configured number of hops ({@link Redirects} decides whether and where). Each hop goes
 * through the rest of the pipeline, so the HTTP cache sees it under its own URL (Apollo caches the last hop under
 * the first URL).
 */
final class RedirectStep implements Step {
    private final int maxRedirects;
    private final CredentialHeaders credentials;

    RedirectStep(int maxRedirects, CredentialHeaders credentials) {
        this.maxRedirects = maxRedirects;
        this.credentials = credentials;
    }

    @Override
    public CompletionStage<DataSourceResponse> intercept(Call call, Chain next) {
        return follow(call, next, 0);
    }

    private CompletionStage<DataSourceResponse> follow(Call hop, Chain next, int hops) {
        return next.proceed(hop).thenCompose(response -> {
            Exchange following = Redirects.next(hop.exchange(), response, hops, maxRedirects, credentials);
            if (following == null) {
                return CompletableFuture.completedFuture(response);
            }
            hop.events().redirect(response.status(), following.url());
            return follow(hop.withExchange(following), next, hops + 1);
        });
    }
}

package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.DeduplicationPolicy;
import dev.restdatasource.internal.dedup.Deduplicator;
import dev.restdatasource.internal.http.CredentialHeaders;
import java.util.concurrent.CompletionStage;

/**
 * Shares identical calls of one data source while they are in flight, as {@code requestDeduplicationPolicyFor}
 * says, among callers with the same credentials ({@link Deduplicator}). A caller that joins a call in flight does
 * not run the steps after this one and is marked {@link Call#deduplicated()}. Everything after this step fails in
 * the returned stage, never by throwing.
 */
final class DeduplicationStep implements Step {
    private final CredentialHeaders credentials;

    DeduplicationStep(CredentialHeaders credentials) {
        this.credentials = credentials;
    }

    @Override
    public CompletionStage<DataSourceResponse> intercept(Call call, Chain next) {
        DeduplicationPolicy policy = call.hooks().requestDeduplicationPolicyFor(call.url(), call.request());
        Deduplicator.Outcome outcome = call.inFlight().run(policy, credentials.fingerprint(call.exchange().headers()),
                () -> next.proceed(call));
        if (outcome.deduplicated()) {
            call.deduplicated(true); // only a joined caller, whose call no other thread has seen
            call.events().deduplicated();
        }
        return outcome.response();
    }
}

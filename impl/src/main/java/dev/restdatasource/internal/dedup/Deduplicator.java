package dev.restdatasource.internal.dedup;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.DeduplicationPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The in-memory first layer: shares identical calls of one data-source instance, while in flight or until
 * invalidated as the call's {@link DeduplicationPolicy} says (Apollo's request deduplication).
 *
 * <p>Entries are keyed by the policy's key plus a fingerprint of the caller's credentials, so callers with
 * different credentials never share (Apollo lets them share). A failed call or an error status is forgotten as
 * soon as it settles, whatever the policy (Apollo remembers a failure until the key is invalidated). An entry is
 * removed only by the call that created it, so a newer call with the same key is never dropped by an older one
 * settling (Apollo can drop it). Thread-safe.
 */
public final class Deduplicator {
    private record Key(String key, String credentials) {
    }

    /** The shared outcome of a call and whether this caller joined one already in flight. */
    public record Outcome(CompletableFuture<DataSourceResponse> response, boolean deduplicated) {
    }

    private final ConcurrentHashMap<Key, CompletableFuture<DataSourceResponse>> inFlight = new ConcurrentHashMap<>();

    /**
     * Runs {@code call} unless an identical one may be shared.
     *
     * @param credentials a fingerprint of the caller's credentials ("" when none)
     */
    public Outcome run(DeduplicationPolicy policy, String credentials, Supplier<CompletionStage<DataSourceResponse>> call) {
        if (policy.kind() == DeduplicationPolicy.Kind.DO_NOT_DEDUPLICATE) {
            for (String key : policy.invalidateKeys()) {
                inFlight.keySet().removeIf(k -> k.key().equals(key));
            }
            return new Outcome(start(call), false);
        }
        Key key = new Key(policy.key(), credentials);
        CompletableFuture<DataSourceResponse> mine = new CompletableFuture<>();
        CompletableFuture<DataSourceResponse> existing = inFlight.putIfAbsent(key, mine);
        if (existing != null) {
            return new Outcome(existing, true);
        }
        boolean forgetWhenSettled = policy.kind() == DeduplicationPolicy.Kind.DEDUPLICATE_DURING_REQUEST_LIFETIME;
        start(call).whenComplete((response, error) -> {
            if (forgetWhenSettled || error != null || !response.isSuccessful()) {
                inFlight.remove(key, mine);
            }
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(response);
            }
        });
        return new Outcome(mine, false);
    }

    /** Returns how many keys are remembered; for tests. */
    public int size() {
        return inFlight.size();
    }

    private static CompletableFuture<DataSourceResponse> start(Supplier<CompletionStage<DataSourceResponse>> call) {
        try {
            return call.get().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

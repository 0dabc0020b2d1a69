package dev.restdatasource.internal.cache;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.event.CacheOutcome;
import dev.restdatasource.event.StoreFailure;
import dev.restdatasource.internal.http.CredentialHeaders;
import dev.restdatasource.internal.bridge.ResponseMarks;
import dev.restdatasource.internal.http.StatusTexts;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The shared second layer: answers from a {@link KeyValueCache} when {@link CachePolicy} allows, otherwise
 * asks the next step ({@link Upstream}) and stores what may be stored. All decisions are the policy's; this class does
 * the I/O (OkHttp's CacheInterceptor beside its CacheStrategy).
 *
 * <p>Keys are {@link CacheKey}'s. A response with {@code Vary} is stored as a Vary index under its key and one
 * entry per variant under the variant's key. Every entry names the key it is written under, and one read under
 * another key is a miss ({@link EntryCodec}). A request with credentials also reads, and an unsafe one also
 * deletes, the entry of its user. Writes run in the background; the caller does not wait (as in Apollo).
 * The store is expected to turn its own failures into misses. At most one background revalidation per entry
 * runs at a time. Thread-safe; one instance is shared by every data source built from the same configuration.
 */
public final class HttpCache {
    private static final ResponseMarks MARKS = ResponseMarks.get();
    private static final System.Logger LOG = System.getLogger(HttpCache.class.getName());

    private final KeyValueCache store;
    private final Clock clock;
    private final CachePolicy policy = new CachePolicy();
    private final CredentialHeaders credentials;
    private final DecodedEntries decoded;
    /** The store keys of the entries being revalidated in the background. */
    private final Set<String> revalidating = ConcurrentHashMap.newKeySet();

    /** Creates a cache over {@code store} with the built-in credential headers, decoding every value it reads. */
    public HttpCache(KeyValueCache store, Clock clock) {
        this(store, clock, CredentialHeaders.DEFAULT, false);
    }

    /** Creates a cache over {@code store} with the built-in credential headers (see the four-argument constructor). */
    public HttpCache(KeyValueCache store, Clock clock, boolean storeKeepsArrays) {
        this(store, clock, CredentialHeaders.DEFAULT, storeKeepsArrays);
    }

    /** The credential fields and hash this cache keys per-user entries by. */
    public CredentialHeaders credentials() {
        return credentials;
    }

    /**
     * Creates a cache over {@code store} whose requests carry credentials in the fields {@code credentials} names;
     * {@code storeKeepsArrays} says that the store keeps its values in this JVM and answers each read with the array it
     * holds (as {@code InMemoryKeyValueCache} does), so that what a value decodes to may be remembered (see
     * {@link DecodedEntries}).
     */
    public HttpCache(KeyValueCache store, Clock clock, CredentialHeaders credentials, boolean storeKeepsArrays) {
        this.store = store;
        this.clock = clock;
        this.credentials = credentials;
        this.decoded = storeKeepsArrays ? DecodedEntries.remembering(DecodedEntries.MAX_BYTES) : DecodedEntries.decodingEachRead();
    }

    /**
     * A stored response, the key it was read from (which says whether it belongs to one user) and the value it was
     * decoded from.
     */
    private record Found(StoredResponse stored, CacheKey key, DecodedEntries.Decoded source) {
    }

    /** Answers {@code x} from the cache or upstream. Fails only when upstream fails and no stale entry may stand in. */
    public CompletionStage<DataSourceResponse> fetch(Exchange x, Upstream up) {
        return fetch(x, up, CacheObserver.NONE);
    }

    /**
     * {@link #fetch(Exchange, Upstream)}, telling {@code obs} the outcome (once, with the policy's reason) and each
     * store read and write of this request. A background revalidation started here is not observed: the request was
     * answered already.
     */
    public CompletionStage<DataSourceResponse> fetch(Exchange x, Upstream up, CacheObserver obs) {
        if (policy.bypasses(x.method())) {
            obs.outcome(CacheOutcome.UNCACHEABLE, "HEAD is never cached");
            return send(up, x, x.headers());
        }
        CacheRequest request = new CacheRequest(x.method(), x.headers(), credentials);
        CacheKey primary = CacheKey.primary(x);
        if (x.skipCache()) {
            return fetchAndStore(up, x, request, primary, null, obs, obs == CacheObserver.NONE ? null : "skipCache");
        }
        return then(read(primary, request, obs), found -> {
            if (found != null) {
                return useStored(up, x, request, primary, found, obs);
            }
            if (policy.onMiss(request) == Lookup.Action.GATEWAY_TIMEOUT) {
                obs.outcome(CacheOutcome.ONLY_IF_CACHED_MISS, "only-if-cached: nothing stored");
                return completed(gatewayTimeout(x));
            }
            return fetchAndStore(up, x, request, primary, null, obs, null);
        });
    }

    private CompletionStage<DataSourceResponse> useStored(Upstream up, Exchange x, CacheRequest request, CacheKey primary,
            Found found, CacheObserver obs) {
        Instant now = clock.instant();
        Lookup lookup = policy.lookup(request, found.stored(), found.source().servingFacts(policy), now);
        return switch (lookup.action()) {
            case SERVE -> {
                obs.outcome(lookup.stale() ? CacheOutcome.STALE : CacheOutcome.HIT, lookup.reason());
                yield completed(hit(x, found, lookup.age(), lookup.stale()));
            }
            case SERVE_STALE_AND_REVALIDATE -> {
                obs.outcome(CacheOutcome.STALE, lookup.reason());
                revalidateInBackground(up, x, request, primary, found, lookup);
                yield completed(hit(x, found, lookup.age(), true));
            }
            case REVALIDATE -> revalidate(up, x, request, primary, found, lookup, obs);
            case FETCH -> fetchAndStore(up, x, request, primary, found, obs, lookup.reason());
            case GATEWAY_TIMEOUT -> {
                obs.outcome(CacheOutcome.ONLY_IF_CACHED_MISS, lookup.reason());
                yield completed(gatewayTimeout(x));
            }
        };
    }

    // ---- reading ----

    /** Reads the shared entry, else the entry of the request's user when it carries credentials. */
    private CompletionStage<Found> read(CacheKey primary, CacheRequest request, CacheObserver obs) {
        return then(readAt(primary, request, obs), found -> {
            CacheKey user = found == null ? primary.forUser(request) : null;
            return user == null ? completed(found) : readAt(user, request, obs);
        });
    }

    private CompletionStage<Found> readAt(CacheKey key, CacheRequest request, CacheObserver obs) {
        return then(get(key.value(), obs), bytes -> {
            DecodedEntries.Decoded value = decoded.decode(bytes, key.value());
            EntryCodec.Entry entry = value == null ? null : value.entry();
            if (entry instanceof EntryCodec.ResponseEntry r) {
                return completed(policy.selects(r.response(), null) ? new Found(r.response(), key, value) : null);
            }
            if (entry instanceof EntryCodec.VaryIndex index) {
                String fingerprint = CacheKey.varyFingerprint(index.names(), request.headers());
                CacheKey variantKey = key.variant(fingerprint);
                return then(get(variantKey.value(), obs), variantBytes -> {
                    DecodedEntries.Decoded variant = decoded.decode(variantBytes, variantKey.value());
                    return completed(variant != null && variant.entry() instanceof EntryCodec.ResponseEntry v
                            && policy.selects(v.response(), fingerprint) ? new Found(v.response(), variantKey, variant) : null);
                });
            }
            return completed(null);
        });
    }

    // ---- going upstream ----

    /**
     * Sends {@code x} unconditionally and stores the response when it may be; {@code why} (null when nothing was
     * stored, or for the plain miss) says why a stored entry could not serve, for the observer.
     */
    private CompletionStage<DataSourceResponse> fetchAndStore(Upstream up, Exchange x, CacheRequest request, CacheKey primary,
            Found staleFallback, CacheObserver obs, String why) {
        Instant requestTime = clock.instant();
        return sendOrServeStale(up, x, request, x.headers(), staleFallback, obs,
                response -> completed(storeResponse(x, request, primary, response, requestTime, obs, CacheOutcome.MISS, why)));
    }

    private CompletionStage<DataSourceResponse> revalidate(Upstream up, Exchange x, CacheRequest request, CacheKey primary, Found found,
            Lookup lookup, CacheObserver obs) {
        Headers.Builder conditional = x.headers().toBuilder();
        lookup.conditionalHeaders().asMap().forEach((name, values) -> conditional.set(name, values.get(0)));
        Instant requestTime = clock.instant();
        return sendOrServeStale(up, x, request, conditional.build(), found, obs,
                response -> switch (policy.validationOutcome(found.stored(), response)) {
                    case FRESHENS -> completed(storeRevalidated(x, request, found, response, requestTime, obs, lookup.reason()));
                    case REPLACES -> completed(storeResponse(x, request, primary, response, requestTime, obs,
                            CacheOutcome.REVALIDATED_CHANGED,
                            obs == CacheObserver.NONE ? null : lookup.reason() + ", revalidated: " + response.status()));
                    case MISMATCHES -> fetchAndStore(up, x, request, primary, null, obs,
                            obs == CacheObserver.NONE ? null : lookup.reason() + ", 304 does not match the stored response");
                });
    }

    /**
     * Sends {@code x} with {@code headers}; when upstream fails (network error or 5xx) and {@code fallback} may
     * stand in (stale-if-error), answers with it instead; otherwise hands the response to {@code onResponse}.
     */
    private CompletionStage<DataSourceResponse> sendOrServeStale(Upstream up, Exchange x, CacheRequest request, Headers headers,
            Found fallback, CacheObserver obs, Function<DataSourceResponse, CompletionStage<DataSourceResponse>> onResponse) {
        return send(up, x, headers).handle((response, error) -> {
            DataSourceResponse stale = staleOnError(x, request, fallback, response, error);
            if (stale != null) {
                if (obs != CacheObserver.NONE) {
                    obs.outcome(CacheOutcome.STALE_IF_ERROR, error != null ? "upstream failed, stale-if-error"
                            : "upstream answered " + response.status() + ", stale-if-error");
                }
                return completed(stale);
            }
            if (error != null) {
                return CompletableFuture.<DataSourceResponse>failedFuture(error);
            }
            return onResponse.apply(response);
        }).thenCompose(stage -> stage);
    }

    private void revalidateInBackground(Upstream up, Exchange x, CacheRequest request, CacheKey primary, Found found, Lookup lookup) {
        if (!revalidating.add(found.key().value())) {
            return; // one background revalidation per entry at a time
        }
        CompletionStage<DataSourceResponse> stage;
        try {
            stage = revalidate(up, x, request, primary, found, lookup, CacheObserver.NONE);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((response, error) -> {
            if (error != null) {
                revalidating.remove(found.key().value());
                LOG.log(Level.DEBUG, () -> "Background revalidation of " + x.url() + " failed", error);
            } else {
                // Only once the refreshed entry is in the store: a read before that still finds the stale one, and
                // must not start a second revalidation (a store may write on another thread).
                response.cacheWrite().whenComplete((written, ignored) -> revalidating.remove(found.key().value()));
            }
        });
    }

    private DataSourceResponse staleOnError(Exchange x, CacheRequest request, Found found, DataSourceResponse response,
            Throwable error) {
        if (found == null) {
            return null;
        }
        Instant now = clock.instant();
        return policy.mayServeStaleOnError(request, found.stored(), policy.failureStatus(response, error), now)
                ? hit(x, found.stored(), now, true) : null;
    }

    private static CompletionStage<DataSourceResponse> send(Upstream up, Exchange x, Headers headers) {
        try {
            return up.send(x.withHeaders(headers));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ---- writing ----

    /**
     * Stores {@code response} when the policy allows, and tells {@code obs} {@code outcome} (or, for a miss that is not
     * stored, {@link CacheOutcome#UNCACHEABLE}) with {@code why} and the policy's storing reason.
     */
    private DataSourceResponse storeResponse(Exchange x, CacheRequest request, CacheKey primary, DataSourceResponse response,
            Instant requestTime, CacheObserver obs, CacheOutcome outcome, String why) {
        Instant responseTime = clock.instant();
        List<CompletableFuture<?>> writes = new ArrayList<>(invalidate(x, request, response));
        CacheOptions override = x.cacheOptions().apply(response);
        StorePlan plan = policy.planStore(request, response.status(), response.headers(), requestTime, responseTime, override);
        if (obs != CacheObserver.NONE) {
            obs.outcome(outcome == CacheOutcome.MISS && !plan.store() ? CacheOutcome.UNCACHEABLE : outcome, reason(why, plan));
        }
        if (plan.store()) {
            CacheKey base = plan.perUser() ? primary.forUser(request) : primary;
            List<String> vary = CachePolicy.varyNames(response.headers());
            String fingerprint = vary.isEmpty() ? null : CacheKey.varyFingerprint(vary, request.headers());
            StoredResponse stored = new StoredResponse(response.status(), policy.storableHeaders(response.headers()),
                    response.body(), requestTime, responseTime, plan.ttlOverride(), fingerprint);
            if (fingerprint == null) {
                writes.add(write(base, stored, plan, obs));
            } else {
                writes.add(set(base.value(), EntryCodec.encodeVary(base.value(), vary), policy.varyIndexTtl(plan), obs));
                writes.add(write(base.variant(fingerprint), stored, plan, obs));
            }
        }
        return writes.isEmpty() ? response : MARKS.cacheWrite(response.toBuilder(), allOf(writes)).build();
    }

    private DataSourceResponse storeRevalidated(Exchange x, CacheRequest request, Found found, DataSourceResponse notModified,
            Instant requestTime, CacheObserver obs, String why) {
        Instant responseTime = clock.instant();
        StoredResponse fresh = policy.freshen(found.stored(), notModified.headers(), requestTime, responseTime);
        DataSourceResponse merged = MARKS.revalidated(DataSourceResponse.builder().url(x.url()).status(fresh.status())
                .statusText(StatusTexts.of(fresh.status())).headers(policy.servedHeaders(fresh, responseTime))
                .body(fresh.body())).build();
        CacheOptions override = policy.rememberedOverride(x.cacheOptions().apply(merged), fresh, found.key().perUser());
        StorePlan plan = policy.planStore(request, fresh.status(), fresh.headers(), requestTime, responseTime, override);
        if (obs != CacheObserver.NONE) {
            obs.outcome(CacheOutcome.REVALIDATED_NOT_MODIFIED, reason(why + ", revalidated: 304", plan));
        }
        if (!plan.store()) {
            return merged;
        }
        StoredResponse rewritten = new StoredResponse(fresh.status(), fresh.headers(), fresh.body(), fresh.requestTime(),
                fresh.responseTime(), plan.ttlOverride(), fresh.varyFingerprint());
        return MARKS.cacheWrite(merged.toBuilder(), write(found.key(), rewritten, plan, obs)).build();
    }

    /** Deletes the entries (shared, and the user's) that the policy says the response to an unsafe method makes stale. */
    private List<CompletableFuture<?>> invalidate(Exchange x, CacheRequest request, DataSourceResponse response) {
        List<URI> uris = policy.invalidations(x.method(), x.url(), response.status(), response.headers());
        if (uris.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<?>> deletes = new ArrayList<>();
        for (URI uri : uris) {
            CacheKey key = CacheKey.ofGet(x.getKeyFor().apply(uri));
            deletes.add(store.delete(key.value()).toCompletableFuture());
            CacheKey user = key.forUser(request);
            if (user != null) {
                deletes.add(store.delete(user.value()).toCompletableFuture());
            }
        }
        return deletes;
    }

    /** Writes {@code stored} under {@code key}, the entry naming its key so that it never answers for another. */
    private CompletableFuture<Void> write(CacheKey key, StoredResponse stored, StorePlan plan, CacheObserver obs) {
        return set(key.value(), EntryCodec.encode(key.value(), stored), plan.storeTtl(), obs);
    }

    // ---- store I/O, timed when observed ----

    private CompletionStage<byte[]> get(String key, CacheObserver obs) {
        if (obs == CacheObserver.NONE) {
            return store.get(key);
        }
        long start = System.nanoTime();
        if (store instanceof ObservableStore observable) {
            return observable.get(key, failure -> obs.storeRead(System.nanoTime() - start, failure));
        }
        return store.get(key).whenComplete((value, error) -> obs.storeRead(System.nanoTime() - start,
                error == null ? null : StoreFailure.ERROR));
    }

    private CompletableFuture<Void> set(String key, byte[] value, Duration ttl, CacheObserver obs) {
        if (obs == CacheObserver.NONE) {
            return store.set(key, value, ttl).toCompletableFuture();
        }
        long start = System.nanoTime();
        if (store instanceof ObservableStore observable) {
            return observable.set(key, value, ttl, failure -> obs.storeWrite(System.nanoTime() - start, failure))
                    .toCompletableFuture();
        }
        return store.set(key, value, ttl).whenComplete((ok, error) -> obs.storeWrite(System.nanoTime() - start,
                error == null ? null : StoreFailure.ERROR)).toCompletableFuture();
    }

    /** The observer's reason: why the cache went upstream (when told) and what the policy said of storing. */
    private static String reason(String why, StorePlan plan) {
        String storing = plan.store() ? plan.reason() : "not stored: " + plan.reason();
        return why == null ? storing : why + "; " + storing;
    }

    private static CompletionStage<Void> allOf(List<CompletableFuture<?>> writes) {
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).handle((ok, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Error writing to the HTTP cache: " + error); // logged, never failing the call, as in Apollo
            }
            return null;
        });
    }

    // ---- responses made here ----

    private DataSourceResponse hit(Exchange x, StoredResponse stored, Instant now, boolean stale) {
        return hit(x, stored, policy.servedHeaders(stored, now), stale);
    }

    /** A hit whose current age the lookup at the same instant already computed. */
    private static DataSourceResponse hit(Exchange x, Found found, Duration age, boolean stale) {
        return hit(x, found.stored(), found.source().servedHeaders(age), stale);
    }

    private static DataSourceResponse hit(Exchange x, StoredResponse stored, Headers served, boolean stale) {
        return MARKS.fromCache(DataSourceResponse.builder().url(x.url()).status(stored.status())
                .statusText(StatusTexts.of(stored.status())).headers(served).body(stored.body()), stale).build();
    }

    private static DataSourceResponse gatewayTimeout(Exchange x) {
        return DataSourceResponse.builder().url(x.url()).status(504).statusText(StatusTexts.of(504)).build();
    }

    private static <T> CompletionStage<T> completed(T value) {
        return CompletableFuture.completedFuture(value);
    }

    /**
     * {@code stage.thenCompose(next)}, but when the stage has already completed normally (an in-process store's read)
     * runs {@code next} at once, without the stages composing would allocate; what {@code next} throws then fails
     * the returned stage, as it would under {@code thenCompose}.
     */
    private static <T, U> CompletionStage<U> then(CompletionStage<T> stage, Function<T, CompletionStage<U>> next) {
        if (stage instanceof CompletableFuture<T> done && done.isDone() && !done.isCompletedExceptionally()) {
            try {
                return next.apply(done.join());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(new CompletionException(e));
            }
        }
        return stage.thenCompose(next);
    }
}

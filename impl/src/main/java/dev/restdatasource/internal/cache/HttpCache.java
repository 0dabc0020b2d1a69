package dev.restdatasource.internal.cache;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.pipeline.Fingerprints;
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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The shared second layer: answers from a {@link KeyValueCache} when {@link CachePolicy} allows, otherwise
 * asks the next step ({@link Upstream}) and stores what may be stored. All decisions are the policy's; this class does
 * the I/O (OkHttp's CacheInterceptor beside its CacheStrategy).
 *
 * <p>Keys: {@code "httpcache:" + cacheKey} (Apollo §8.1), plus {@code " body:<hash>"} for methods other than
 * GET, so a POST cached by a TTL override is only served for the same body (Apollo §12.11 serves any body).
 * A response with {@code Vary} is stored as a Vary index under that key and one entry per variant under
 * {@code key + " vary:<hash of the varied request headers>"}, so several variants live side by side (Apollo
 * keeps one, §8.7). A per-user entry (a {@code CacheOptions.perUser()} override) lives under
 * {@code key + " user:<hash of the credentials>"}. Writes run in the background; the caller does not wait
 * (Apollo §9.17). The store is expected to turn its own failures into misses. Thread-safe; one instance is
 * shared by every data source built from the same configuration.
 */
public final class HttpCache {
    /** The prefix of every key this cache writes (Apollo §8.1). */
    public static final String PREFIX = "httpcache:";

    private static final System.Logger LOG = System.getLogger(HttpCache.class.getName());
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Duration VARY_INDEX_MIN_TTL = Duration.ofDays(1);
    private static final Set<Integer> STALE_IF_ERROR_STATUSES = Set.of(500, 502, 503, 504);

    private final KeyValueCache store;
    private final Clock clock;
    private final CachePolicy policy = new CachePolicy();
    private final Set<String> revalidating = ConcurrentHashMap.newKeySet();

    /** Creates a cache over {@code store}. */
    public HttpCache(KeyValueCache store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private record Found(StoredResponse stored, String key) {
    }

    /** Answers {@code x} from the cache or upstream. Fails only when upstream fails and no stale entry may stand in. */
    public CompletionStage<DataSourceResponse> fetch(Exchange x, Upstream up) {
        if (x.method().equals("HEAD")) {
            return send(up, x, x.headers()); // never cached (Apollo §9.2)
        }
        CacheRequest request = new CacheRequest(x.method(), x.headers());
        String primary = primaryKey(x);
        if (x.skipCache()) {
            return fetchAndStore(up, x, request, primary, null);
        }
        return read(primary, request).thenCompose(found -> {
            if (found == null) {
                return onlyIfCached(request) ? completed(gatewayTimeout(x)) : fetchAndStore(up, x, request, primary, null);
            }
            return useStored(up, x, request, primary, found);
        });
    }

    private CompletionStage<DataSourceResponse> useStored(Upstream up, Exchange x, CacheRequest request, String primary, Found found) {
        Instant now = clock.instant();
        Lookup lookup = policy.lookup(request, found.stored(), now);
        return switch (lookup.action()) {
            case SERVE -> completed(hit(x, found.stored(), lookup.age(), lookup.stale()));
            case SERVE_STALE_AND_REVALIDATE -> {
                revalidateInBackground(up, x, request, primary, found, lookup);
                yield completed(hit(x, found.stored(), lookup.age(), true));
            }
            case REVALIDATE -> revalidate(up, x, request, primary, found, lookup);
            case FETCH -> fetchAndStore(up, x, request, primary, found);
            case GATEWAY_TIMEOUT -> completed(gatewayTimeout(x));
        };
    }

    // ---- reading ----

    private CompletionStage<Found> read(String primary, CacheRequest request) {
        return readAt(primary, request).thenCompose(found -> found != null || !request.hasCredentials()
                ? completed(found)
                : readAt(perUserKey(primary, request), request));
    }

    private CompletionStage<Found> readAt(String key, CacheRequest request) {
        return store.get(key).thenCompose(bytes -> {
            EntryCodec.Entry entry = EntryCodec.decode(bytes);
            if (entry instanceof EntryCodec.ResponseEntry r) {
                return completed(r.response().varyFingerprint() == null ? new Found(r.response(), key) : null);
            }
            if (entry instanceof EntryCodec.VaryIndex index) {
                String fingerprint = Fingerprints.ofHeaders(index.names(), request.headers());
                String variantKey = variantKey(key, fingerprint);
                return store.get(variantKey).thenApply(variant -> EntryCodec.decode(variant) instanceof EntryCodec.ResponseEntry v
                        && fingerprint.equals(v.response().varyFingerprint()) ? new Found(v.response(), variantKey) : null);
            }
            return completed(null);
        });
    }

    // ---- going upstream ----

    private CompletionStage<DataSourceResponse> fetchAndStore(Upstream up, Exchange x, CacheRequest request, String primary,
            Found staleFallback) {
        Instant requestTime = clock.instant();
        return sendOrServeStale(up, x, request, x.headers(), staleFallback,
                response -> completed(storeResponse(x, request, primary, response, requestTime)));
    }

    private CompletionStage<DataSourceResponse> revalidate(Upstream up, Exchange x, CacheRequest request, String primary, Found found,
            Lookup lookup) {
        Headers.Builder conditional = x.headers().toBuilder();
        lookup.conditionalHeaders().asMap().forEach((name, values) -> conditional.set(name, values.get(0)));
        Instant requestTime = clock.instant();
        return sendOrServeStale(up, x, request, conditional.build(), found, response -> {
            if (response.status() != 304) {
                return completed(storeResponse(x, request, primary, response, requestTime));
            }
            if (!policy.notModifiedMatches(found.stored(), response.headers())) {
                return fetchAndStore(up, x, request, primary, null); // a 304 for another representation (Apollo §11.8)
            }
            return completed(storeRevalidated(x, request, found, response, requestTime));
        });
    }

    /**
     * Sends {@code x} with {@code headers}; when upstream fails (network error or 5xx) and {@code fallback} may
     * stand in (stale-if-error), answers with it instead; otherwise hands the response to {@code onResponse}.
     */
    private CompletionStage<DataSourceResponse> sendOrServeStale(Upstream up, Exchange x, CacheRequest request, Headers headers,
            Found fallback, Function<DataSourceResponse, CompletionStage<DataSourceResponse>> onResponse) {
        return send(up, x, headers).handle((response, error) -> {
            DataSourceResponse stale = staleOnError(x, request, fallback, response, error);
            if (stale != null) {
                return completed(stale);
            }
            if (error != null) {
                return CompletableFuture.<DataSourceResponse>failedFuture(error);
            }
            return onResponse.apply(response);
        }).thenCompose(stage -> stage);
    }

    private void revalidateInBackground(Upstream up, Exchange x, CacheRequest request, String primary, Found found, Lookup lookup) {
        if (!revalidating.add(found.key())) {
            return; // one background revalidation per entry at a time
        }
        CompletionStage<DataSourceResponse> stage;
        try {
            stage = revalidate(up, x, request, primary, found, lookup);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((response, error) -> {
            revalidating.remove(found.key());
            if (error != null) {
                LOG.log(Level.DEBUG, () -> "Background revalidation of " + x.url() + " failed", error);
            }
        });
    }

    private DataSourceResponse staleOnError(Exchange x, CacheRequest request, Found found, DataSourceResponse response,
            Throwable error) {
        if (found == null) {
            return null;
        }
        int failure;
        if (error != null) {
            failure = 0;
        } else if (STALE_IF_ERROR_STATUSES.contains(response.status())) {
            failure = response.status();
        } else {
            return null;
        }
        Instant now = clock.instant();
        return policy.mayServeStaleOnError(request, found.stored(), failure, now) ? hit(x, found.stored(), now, true) : null;
    }

    private static CompletionStage<DataSourceResponse> send(Upstream up, Exchange x, Headers headers) {
        try {
            return up.send(x.withHeaders(headers));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ---- writing ----

    private DataSourceResponse storeResponse(Exchange x, CacheRequest request, String primary, DataSourceResponse response,
            Instant requestTime) {
        Instant responseTime = clock.instant();
        List<CompletableFuture<?>> writes = new ArrayList<>(invalidate(x, request, response));
        CacheOptions override = x.cacheOptions().apply(response);
        StorePlan plan = policy.planStore(request, response.status(), response.headers(), requestTime, responseTime, override);
        if (plan.store()) {
            String base = plan.perUser() ? perUserKey(primary, request) : primary;
            List<String> vary = CachePolicy.varyNames(response.headers());
            String fingerprint = vary.isEmpty() ? null : Fingerprints.ofHeaders(vary, request.headers());
            StoredResponse stored = new StoredResponse(response.status(), policy.storableHeaders(response.headers()),
                    response.body(), requestTime, responseTime, plan.ttlOverride(), fingerprint);
            if (fingerprint == null) {
                writes.add(write(base, EntryCodec.encode(stored), plan));
            } else {
                // The index is tiny and shared by every variant: keep it at least a day, so a short-lived
                // variant written last never makes a longer-lived one unreachable.
                Duration indexTtl = plan.storeTtl().compareTo(VARY_INDEX_MIN_TTL) > 0 ? plan.storeTtl() : VARY_INDEX_MIN_TTL;
                writes.add(store.set(base, EntryCodec.encodeVary(vary), indexTtl).toCompletableFuture());
                writes.add(write(variantKey(base, fingerprint), EntryCodec.encode(stored), plan));
            }
        }
        return writes.isEmpty() ? response : response.toBuilder().cacheWrite(allOf(writes)).build();
    }

    private DataSourceResponse storeRevalidated(Exchange x, CacheRequest request, Found found, DataSourceResponse notModified,
            Instant requestTime) {
        Instant responseTime = clock.instant();
        StoredResponse fresh = policy.freshen(found.stored(), notModified.headers(), requestTime, responseTime);
        DataSourceResponse merged = DataSourceResponse.builder().url(x.url()).status(fresh.status())
                .statusText(StatusTexts.of(fresh.status())).headers(policy.servedHeaders(fresh, responseTime))
                .body(fresh.body()).revalidated(true).build();
        CacheOptions override = x.cacheOptions().apply(merged);
        if (override == null && fresh.ttlOverride() != null) {
            override = CacheOptions.ttl(fresh.ttlOverride()); // an override is remembered by its entry (Apollo §12.5)
            if (found.key().contains(" user:")) {
                override = override.perUser();
            }
        }
        StorePlan plan = policy.planStore(request, fresh.status(), fresh.headers(), requestTime, responseTime, override);
        if (!plan.store()) {
            return merged;
        }
        StoredResponse rewritten = new StoredResponse(fresh.status(), fresh.headers(), fresh.body(), fresh.requestTime(),
                fresh.responseTime(), plan.ttlOverride(), fresh.varyFingerprint());
        return merged.toBuilder().cacheWrite(write(found.key(), EntryCodec.encode(rewritten), plan)).build();
    }

    /** Deletes the entries an unsafe method makes stale (RFC 9111 §4.4). */
    private List<CompletableFuture<?>> invalidate(Exchange x, CacheRequest request, DataSourceResponse response) {
        if (SAFE_METHODS.contains(x.method())) {
            return List.of();
        }
        List<CompletableFuture<?>> deletes = new ArrayList<>();
        for (URI uri : policy.invalidations(x.method(), x.url(), response.status(), response.headers())) {
            String key = PREFIX + x.getKeyFor().apply(uri);
            deletes.add(store.delete(key).toCompletableFuture());
            if (request.hasCredentials()) {
                deletes.add(store.delete(perUserKey(key, request)).toCompletableFuture());
            }
        }
        return deletes;
    }

    private CompletableFuture<Void> write(String key, byte[] value, StorePlan plan) {
        return store.set(key, value, plan.storeTtl()).toCompletableFuture();
    }

    private static CompletionStage<Void> allOf(List<CompletableFuture<?>> writes) {
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).handle((ok, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Error writing to the HTTP cache: " + error); // Apollo §6.13
            }
            return null;
        });
    }

    // ---- responses made here ----

    private DataSourceResponse hit(Exchange x, StoredResponse stored, Instant now, boolean stale) {
        return hit(x, stored, policy.servedHeaders(stored, now), stale);
    }

    /** A hit whose current age the lookup at the same instant already computed. */
    private DataSourceResponse hit(Exchange x, StoredResponse stored, Duration age, boolean stale) {
        return hit(x, stored, policy.servedHeaders(stored, age), stale);
    }

    private static DataSourceResponse hit(Exchange x, StoredResponse stored, Headers served, boolean stale) {
        return DataSourceResponse.builder().url(x.url()).status(stored.status()).statusText(StatusTexts.of(stored.status()))
                .headers(served).body(stored.body()).fromCache(true).stale(stale).build();
    }

    private static DataSourceResponse gatewayTimeout(Exchange x) {
        return DataSourceResponse.builder().url(x.url()).status(504).statusText(StatusTexts.of(504)).build();
    }

    private static boolean onlyIfCached(CacheRequest request) {
        return CacheControl.of(request.headers()).has("only-if-cached");
    }

    // ---- keys ----

    static String primaryKey(Exchange x) {
        String key = PREFIX + x.cacheKey();
        if (!x.method().equals("GET") && x.body() != null && x.body().length > 0) {
            key += " body:" + Fingerprints.ofBytes(x.body());
        }
        return key;
    }

    private static String perUserKey(String key, CacheRequest request) {
        return key + " user:" + Fingerprints.credentials(request.headers());
    }

    private static String variantKey(String key, String fingerprint) {
        return key + " vary:" + fingerprint;
    }

    private static <T> CompletionStage<T> completed(T value) {
        return CompletableFuture.completedFuture(value);
    }
}

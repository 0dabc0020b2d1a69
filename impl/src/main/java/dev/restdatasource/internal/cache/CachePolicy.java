package dev.restdatasource.internal.cache;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every decision of the HTTP cache, for a <em>shared</em> cache: RFC 9111, the RFC 5861 extensions
 * {@code stale-while-revalidate} and {@code stale-if-error}, and Apollo's TTL override with safety fixes.
 * {@link HttpCache} does the I/O and asks this class everything it decides (OkHttp's CacheStrategy beside its
 * CacheInterceptor). This class only routes each question to the one small class that owns the rule:
 * <ul>
 *   <li>{@link Storing}: whether a response may be stored, HEAD bypassing the cache, TTL overrides;</li>
 *   <li>{@link StoreTtl}: how long the store keeps an entry, and a Vary index;</li>
 *   <li>{@link Freshness}: how long a response is fresh; {@link Ages}: how old it is, and its Age header;</li>
 *   <li>{@link Serving}: whether a stored response answers a request, and what a miss does;</li>
 *   <li>{@link StaleOnError}: whether a stale response stands in for an upstream failure;</li>
 *   <li>{@link Validation}: conditional requests and 304s; {@link Invalidation}: what an unsafe request deletes;</li>
 *   <li>{@link Variants}: which stored variant answers a request (Vary);</li>
 *   <li>{@link StoredHeaders}: which header fields are stored; {@link CacheKey}: the store keys.</li>
 * </ul>
 * Each message's Cache-Control is read once into {@link RequestDirectives} (held by the {@link CacheRequest}) or
 * {@link ResponseDirectives}.
 *
 * <p>Pure: no I/O, no threads, no clock; every instant is a parameter. Immutable and thread-safe.
 * Arguments must not be null unless a parameter says otherwise.
 */
public final class CachePolicy {
    private final Storing storing;
    private final Serving serving;
    private final StaleOnError staleOnError;

    /** A policy with the defaults: heuristic freshness 10% capped at 24 h, validator retention 5 minutes. */
    public CachePolicy() {
        this(0.1, Duration.ofHours(24), Duration.ofMinutes(5));
    }

    /** A policy with other tuning; for tests and configuration. */
    CachePolicy(double heuristicFraction, Duration heuristicCap, Duration validatorRetention) {
        Freshness freshness = new Freshness(heuristicFraction, heuristicCap);
        this.storing = new Storing(freshness, new StoreTtl(validatorRetention));
        this.serving = new Serving(freshness);
        this.staleOnError = new StaleOnError(freshness);
    }

    // ---------------------------------------------------------------- storing (RFC 9111 §3)

    /** Whether requests with this method bypass the cache, neither read nor stored: HEAD, as in Apollo. */
    public boolean bypasses(String method) {
        return Storing.bypasses(method);
    }

    /**
     * Decides whether this response may be stored, and for how long the store keeps it.
     *
     * @param request         the request as sent upstream
     * @param status          the response status
     * @param responseHeaders the response headers as received (before {@link #storableHeaders})
     * @param requestTime     when the request was sent
     * @param responseTime    when the response was received
     * @param override        the caller's TTL override, or null to follow HTTP alone
     * @return the plan; {@code storeTtl} is whole seconds and positive when {@code store}
     */
    public StorePlan planStore(CacheRequest request, int status, Headers responseHeaders,
                               Instant requestTime, Instant responseTime, CacheOptions override) {
        return storing.plan(request, status, responseHeaders, requestTime, responseTime, override);
    }

    /**
     * The override to re-store a revalidated entry with: {@code current} (the caller's, or null), else the TTL
     * override the entry was stored under, per user when the entry was.
     */
    public CacheOptions rememberedOverride(CacheOptions current, StoredResponse stored, boolean perUser) {
        return Storing.rememberedOverride(current, stored, perUser);
    }

    /** How long to keep the Vary index written beside a variant stored under {@code plan}: at least a day. */
    public Duration varyIndexTtl(StorePlan plan) {
        return StoreTtl.varyIndexTtl(plan.storeTtl());
    }

    /** Response headers worth storing: without hop-by-hop fields and Set-Cookie; Age kept. */
    public Headers storableHeaders(Headers responseHeaders) {
        return StoredHeaders.storable(responseHeaders);
    }

    /** The lower-cased field names in the Vary header(s), in order, without duplicates; "*" for Vary: *. */
    public static List<String> varyNames(Headers responseHeaders) {
        return Variants.names(responseHeaders);
    }

    /**
     * Whether a stored response answers a request whose Vary fingerprint is {@code requestFingerprint} (null when
     * there was no Vary index to compute one); see {@link Variants}.
     */
    public boolean selects(StoredResponse stored, String requestFingerprint) {
        return Variants.selects(stored, requestFingerprint);
    }

    // ---------------------------------------------------------------- serving (RFC 9111 §4, RFC 5861)

    /** What to do when no stored response was found: FETCH, or GATEWAY_TIMEOUT under only-if-cached. */
    public Lookup.Action onMiss(CacheRequest request) {
        return Serving.onMiss(request);
    }

    /**
     * Decides how a stored response (already the right Vary variant) may answer this request at {@code now}.
     * The request's only-if-cached turns every answer that needs upstream into GATEWAY_TIMEOUT.
     */
    public Lookup lookup(CacheRequest request, StoredResponse stored, Instant now) {
        return serving.lookup(request, stored, now);
    }

    /**
     * The same as {@link #lookup(CacheRequest, StoredResponse, Instant)}, given the {@link #servingFacts} of
     * {@code stored} computed before (by this policy), so that reading a remembered entry again does not recompute
     * them.
     */
    Lookup lookup(CacheRequest request, StoredResponse stored, Serving.Facts facts, Instant now) {
        return serving.lookup(request, stored, facts, now);
    }

    /** What serving {@code stored} depends on that does not change while it is stored (see {@link Serving.Facts}). */
    Serving.Facts servingFacts(StoredResponse stored) {
        return serving.facts(stored);
    }

    /**
     * The failure status {@link #mayServeStaleOnError} takes for an upstream answer: the response's status, or
     * a network failure when there is none because sending failed.
     */
    public int failureStatus(DataSourceResponse response, Throwable error) {
        return error != null ? StaleOnError.NETWORK_FAILURE : response.status();
    }

    /**
     * Decides whether a stale stored response may be served because upstream failed with {@code failureStatus}
     * (0 for a network error or timeout); see {@link StaleOnError}.
     */
    public boolean mayServeStaleOnError(CacheRequest request, StoredResponse stored, int failureStatus,
                                        Instant now) {
        return staleOnError.mayServe(request, stored, failureStatus, now);
    }

    /** Stored headers with Age set to the current age in whole seconds, rounded down (RFC 9111 §5.1). */
    public Headers servedHeaders(StoredResponse stored, Instant now) {
        return Ages.served(stored, Ages.currentAge(stored.headers(), stored.requestTime(), stored.responseTime(), now));
    }

    /**
     * Stored headers with Age set to {@code age} in whole seconds, rounded down: the same as
     * {@link #servedHeaders(StoredResponse, Instant)} when {@code age} is the current age at that instant, such
     * as the {@link Lookup#age()} of a {@link #lookup} at that instant, without computing it again.
     */
    public Headers servedHeaders(StoredResponse stored, Duration age) {
        return Ages.served(stored, age);
    }

    // ---------------------------------------------------------------- validation (RFC 9111 §4.3)

    /**
     * What the answer to a conditional request means for the stored response it revalidated: a matching 304
     * freshens it, another status replaces it, a 304 for another representation calls for an unconditional fetch.
     */
    public Validation.Outcome validationOutcome(StoredResponse stored, DataSourceResponse response) {
        return Validation.outcome(stored, response.status(), response.headers());
    }

    /** Whether a 304 answers for this stored response (RFC 9111 §4.3.4); see {@link Validation}. */
    public boolean notModifiedMatches(StoredResponse stored, Headers notModifiedHeaders) {
        return Validation.notModifiedMatches(stored, notModifiedHeaders);
    }

    /** The stored response freshened by a 304 (RFC 9111 §3.2, §4.3.4); see {@link Validation}. */
    public StoredResponse freshen(StoredResponse stored, Headers notModifiedHeaders, Instant requestTime,
                                  Instant responseTime) {
        return Validation.freshen(stored, notModifiedHeaders, requestTime, responseTime);
    }

    // ---------------------------------------------------------------- invalidation (RFC 9111 §4.4)

    /** URIs whose stored entries an unsafe request invalidates (RFC 9111 §4.4); see {@link Invalidation}. */
    public List<URI> invalidations(String method, URI requestUri, int status, Headers responseHeaders) {
        return Invalidation.invalidations(method, requestUri, status, responseHeaders);
    }
}

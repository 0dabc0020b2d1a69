package dev.restdatasource.event;

import java.time.Duration;

/**
 * Told of what data-source calls do, as they do it: for metrics, traces and logs. Every method has a no-op default,
 * so a listener overrides only what it needs. Set listeners with {@code DataSourceConfig.Builder#eventListeners}; in
 * a server every CDI bean of this type is added to the application's configuration.
 *
 * <p>For each call, in order: {@link #callStart} (once its URL is resolved), then either {@link #deduplicated} (it
 * joined an identical call in flight and shares its answer) or, per hop, {@link #cacheLookup} with
 * {@link #storeRead}s, {@link #upstreamRequest} and {@link #upstreamResponse} or {@link #upstreamFailed} when the
 * cache goes upstream, and {@link #redirect} before the next hop; then {@link #callFailed} when the caller gets an
 * exception, and always {@link #callEnd} last. {@link #storeWrite} may come after the end: writes run in the
 * background. A call that fails before its URL is resolved (the caller's mistake) gets only {@code callFailed} and
 * {@code callEnd}. URLs passed here never hold user information or query values.
 *
 * <p>Methods run on the thread that makes or completes the call, so they must be quick and thread-safe. What a
 * listener throws is caught and never changes the call (logged once per listener at FINE on
 * {@code dev.restdatasource.events}). With no listener, and the library's log levels off, no event is built at all.
 */
public interface DataSourceEventListener {
    /** A call starts; its URL is resolved and it is about to be deduplicated, looked up in the cache and sent. */
    default void callStart(CallInfo call) {
    }

    /** The call joined an identical call of the same data source in flight: no lookup, no upstream request of its own. */
    default void deduplicated(CallInfo call) {
    }

    /**
     * The shared HTTP cache decided, for one hop of the call.
     *
     * @param outcome what the cache did
     * @param reason  the cache policy's reason, in words (for example "fresh", "private response", "stale,
     *                revalidated: 304")
     */
    default void cacheLookup(CallInfo call, CacheOutcome outcome, String reason) {
    }

    /**
     * A cache store read ended.
     *
     * @param latency how long the read took, bounded by the cache timeout
     * @param failure why it failed (it was then a miss), or null when the store answered
     */
    default void storeRead(CallInfo call, Duration latency, StoreFailure failure) {
    }

    /**
     * A cache store write (a response stored, or refreshed after a revalidation) ended; runs in the background, so it
     * may be told after {@link #callEnd}.
     *
     * @param latency how long the write took, bounded by the cache timeout
     * @param failure why it failed (it was then skipped), or null when the store took it
     */
    default void storeWrite(CallInfo call, Duration latency, StoreFailure failure) {
    }

    /**
     * A request goes upstream (the call's, a redirect hop's, or a revalidation).
     *
     * @param method the method sent
     * @param url    the URL sent, without user information and query values
     */
    default void upstreamRequest(CallInfo call, String method, String url) {
    }

    /**
     * Upstream answered, body included.
     *
     * @param status  the status
     * @param latency from the request to the whole body
     * @param bytes   the length of the body
     */
    default void upstreamResponse(CallInfo call, int status, Duration latency, long bytes) {
    }

    /**
     * The upstream exchange failed without a response (could not connect, timed out, body too large, ...).
     *
     * @param latency from the request to the failure
     * @param error   the failure as the transport reported it
     */
    default void upstreamFailed(CallInfo call, Duration latency, Throwable error) {
    }

    /**
     * The call follows a redirect.
     *
     * @param status   the redirect's status
     * @param location the next URL, without user information and query values
     */
    default void redirect(CallInfo call, int status, String location) {
    }

    /**
     * The call failed; {@code error} is the exception its caller gets (after {@code didEncounterError}, which may
     * replace it). A caller that joined a call in flight and shares its failure is not told again (its
     * {@link #callEnd} carries the failure).
     *
     * @param errorCode the failure's error code (what a GraphQL error carries as {@code code}), or null when the
     *                  exception has none
     */
    default void callFailed(CallInfo call, String errorCode, RuntimeException error) {
    }

    /** The call ended, successfully or not; always the last event of the call (store writes aside). */
    default void callEnd(CallInfo call, CallSummary summary) {
    }
}

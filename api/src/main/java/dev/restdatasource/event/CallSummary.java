package dev.restdatasource.event;

import java.time.Duration;

/**
 * What a call came to, told with its end: the outcome for the caller and where its time went.
 *
 * @param status        the status of the response the caller got, or 0 when there was none
 * @param errorCode     the error code of the failure the caller got (a GraphQL error's {@code code}), or null when the
 *                      call succeeded or failed with an exception that has no code
 * @param error         the exception the caller got, or null when the call succeeded
 * @param deduplicated  whether the caller joined an identical call in flight instead of running its own
 * @param cacheOutcome  the HTTP cache's outcome for the call's last hop, or null when the cache was not consulted
 *                      (a deduplicated join, a call that failed before)
 * @param cacheReason   the cache policy's reason for that outcome, or null with it
 * @param duration      from the call's start to its end
 * @param storeTime     the time spent in cache store reads (not writes, which run in the background)
 * @param upstreamTime  the time spent in upstream exchanges, every hop and revalidation summed
 */
public record CallSummary(int status, String errorCode, RuntimeException error, boolean deduplicated,
        CacheOutcome cacheOutcome, String cacheReason, Duration duration, Duration storeTime, Duration upstreamTime) {
    /** Whether the call succeeded (the caller got a result, not an exception). */
    public boolean succeeded() {
        return error == null;
    }
}

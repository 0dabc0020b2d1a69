package dev.restdatasource.event;

/**
 * What the shared HTTP cache did for one request (one hop of a call: a redirect's target is looked up on its own).
 * The reason passed along with it is the cache policy's, in words ("fresh", "private response", ...).
 */
public enum CacheOutcome {
    /** Served from the cache, fresh; upstream was not contacted. */
    HIT,
    /** Nothing usable was stored: the response came from upstream and was stored. */
    MISS,
    /**
     * Served from the cache although stale, as the request allowed ({@code max-stale}) or while it is revalidated in
     * the background ({@code stale-while-revalidate}).
     */
    STALE,
    /** Upstream failed (a network error or a 5xx) and a stale entry stood in ({@code stale-if-error}). */
    STALE_IF_ERROR,
    /** A stored entry was revalidated and upstream answered 304 Not Modified: the entry was served and freshened. */
    REVALIDATED_NOT_MODIFIED,
    /** A stored entry was revalidated and upstream answered with a new response, which replaced it. */
    REVALIDATED_CHANGED,
    /**
     * The response came from upstream and was not stored (the reason says why: {@code private}, {@code no-store}, a
     * status that is never stored, ...), or the request's method is never cached.
     */
    UNCACHEABLE,
    /** The request said {@code only-if-cached} and nothing usable was stored: answered 504 without upstream. */
    ONLY_IF_CACHED_MISS
}

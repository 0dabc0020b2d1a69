package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.util.List;
import java.util.Locale;

/**
 * The request Cache-Control directives a shared cache acts on (RFC 9111 §5.2.1), read once per request.
 * A delta-seconds directive is {@link #ABSENT} when the request does not carry it; present with a bad argument it
 * is 0, as {@link CacheControl} reads it. When a directive appears twice, the first occurrence wins.
 * {@code Pragma: no-cache} counts as {@code no-cache} when the request has no Cache-Control (RFC 9111 §5.4).
 *
 * @param noCache      no-cache, or Pragma: no-cache without Cache-Control: do not serve without revalidating
 * @param noStore      no-store: do not store the response
 * @param maxAge       max-age: the oldest response the client accepts, in seconds; {@link #ABSENT} when absent
 * @param maxStale     max-stale: how stale a response the client accepts, in seconds; {@link #ANY_STALENESS}
 *                     without an argument; {@link #ABSENT} when absent
 * @param minFresh     min-fresh: how long the response must stay fresh, in seconds; {@link #ABSENT} when absent
 * @param onlyIfCached only-if-cached: answer 504 rather than contact upstream
 * @param staleIfError stale-if-error (RFC 5861 §4): how stale a response may stand in for an error;
 *                     {@link #ABSENT} when absent
 */
record RequestDirectives(boolean noCache, boolean noStore, long maxAge, long maxStale, long minFresh,
        boolean onlyIfCached, long staleIfError) {
    /** A delta-seconds directive the request does not carry. */
    static final long ABSENT = CacheControl.ABSENT;
    /** {@code max-stale} without an argument: any staleness is accepted. */
    static final long ANY_STALENESS = Long.MAX_VALUE;
    /** A request without Cache-Control or Pragma. */
    static final RequestDirectives NONE = new RequestDirectives(false, false, ABSENT, ABSENT, ABSENT, false, ABSENT);
    private static final RequestDirectives PRAGMA_NO_CACHE =
            new RequestDirectives(true, false, ABSENT, ABSENT, ABSENT, false, ABSENT);

    /** Reads the directives of these request headers; {@link #NONE} when there are none, without allocating. */
    static RequestDirectives of(Headers headers) {
        List<String> lines = headers.all("cache-control");
        if (lines.isEmpty()) {
            return pragmaNoCache(headers) ? PRAGMA_NO_CACHE : NONE;
        }
        Reader reader = new Reader();
        CacheControl.forEach(lines, reader);
        return new RequestDirectives(reader.noCache, reader.noStore, reader.maxAge, reader.maxStale, reader.minFresh,
                reader.onlyIfCached, reader.staleIfError);
    }

    private static boolean pragmaNoCache(Headers headers) {
        for (String pragma : headers.all("pragma")) {
            if (pragma.toLowerCase(Locale.ROOT).contains("no-cache")) {
                return true;
            }
        }
        return false;
    }

    /** Collects the directives of one request; the first occurrence of each wins. */
    private static final class Reader implements CacheControl.Sink {
        boolean noCache;
        boolean noStore;
        long maxAge = ABSENT;
        long maxStale = ABSENT;
        long minFresh = ABSENT;
        boolean onlyIfCached;
        long staleIfError = ABSENT;

        @Override
        public void directive(String name, String argument) {
            switch (name) {
                case "no-cache" -> noCache = true;
                case "no-store" -> noStore = true;
                case "max-age" -> maxAge = CacheControl.firstSeconds(maxAge, argument);
                case "max-stale" -> maxStale = maxStale != ABSENT ? maxStale
                        : argument == null ? ANY_STALENESS : CacheControl.deltaSeconds(argument);
                case "min-fresh" -> minFresh = CacheControl.firstSeconds(minFresh, argument);
                case "only-if-cached" -> onlyIfCached = true;
                case "stale-if-error" -> staleIfError = CacheControl.firstSeconds(staleIfError, argument);
                default -> {
                    // a directive no rule of this cache reads
                }
            }
        }
    }
}

package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.time.Duration;
import java.util.List;

/**
 * The response Cache-Control directives a shared cache acts on (RFC 9111 §5.2.2, RFC 5861), read once per
 * response. A delta-seconds directive is {@link #ABSENT} when the response does not carry it; present with a bad
 * argument it is 0 (which makes a freshness directive mean "stale"). When a directive appears twice, the first
 * occurrence wins. {@code no-cache="field"} and {@code private="field"} count as the unqualified directives.
 *
 * @param noStore              no-store: never store
 * @param noCache              no-cache: never serve without revalidating; the freshness lifetime is 0
 * @param isPrivate            private: a shared cache must not store it
 * @param isPublic             public: storable even with Authorization or Set-Cookie
 * @param mustRevalidate       must-revalidate: never serve it stale
 * @param proxyRevalidate      proxy-revalidate: never serve it stale from a shared cache
 * @param maxAge               max-age in seconds, or {@link #ABSENT}
 * @param sMaxage              s-maxage in seconds, or {@link #ABSENT}; for a shared cache it wins over max-age
 * @param staleWhileRevalidate stale-while-revalidate in seconds, or {@link #ABSENT}
 * @param staleIfError         stale-if-error in seconds, or {@link #ABSENT}
 */
record ResponseDirectives(boolean noStore, boolean noCache, boolean isPrivate, boolean isPublic,
        boolean mustRevalidate, boolean proxyRevalidate, long maxAge, long sMaxage, long staleWhileRevalidate,
        long staleIfError) {
    /** A delta-seconds directive the response does not carry. */
    static final long ABSENT = CacheControl.ABSENT;
    /** A response without Cache-Control. */
    static final ResponseDirectives NONE =
            new ResponseDirectives(false, false, false, false, false, false, ABSENT, ABSENT, ABSENT, ABSENT);

    /** Reads the directives of these response headers; {@link #NONE} when there are none, without allocating. */
    static ResponseDirectives of(Headers headers) {
        List<String> lines = headers.all("cache-control");
        if (lines.isEmpty()) {
            return NONE;
        }
        Reader reader = new Reader();
        CacheControl.forEach(lines, reader);
        return new ResponseDirectives(reader.noStore, reader.noCache, reader.isPrivate, reader.isPublic,
                reader.mustRevalidate, reader.proxyRevalidate, reader.maxAge, reader.sMaxage,
                reader.staleWhileRevalidate, reader.staleIfError);
    }

    /** Whether it may never be served stale: must-revalidate, proxy-revalidate or no-cache. */
    boolean forbidsStale() {
        return mustRevalidate || proxyRevalidate || noCache;
    }

    /** The stale-while-revalidate window; zero when absent. */
    Duration staleWhileRevalidateWindow() {
        return Duration.ofSeconds(Math.max(staleWhileRevalidate, 0));
    }

    /** The larger of the stale-while-revalidate and stale-if-error windows (RFC 5861); zero when neither. */
    Duration staleWindow() {
        return Duration.ofSeconds(Math.max(Math.max(staleWhileRevalidate, staleIfError), 0));
    }

    /** Collects the directives of one response; the first occurrence of each wins. */
    private static final class Reader implements CacheControl.Sink {
        boolean noStore;
        boolean noCache;
        boolean isPrivate;
        boolean isPublic;
        boolean mustRevalidate;
        boolean proxyRevalidate;
        long maxAge = ABSENT;
        long sMaxage = ABSENT;
        long staleWhileRevalidate = ABSENT;
        long staleIfError = ABSENT;

        @Override
        public void directive(String name, String argument) {
            switch (name) {
                case "no-store" -> noStore = true;
                case "no-cache" -> noCache = true;
                case "private" -> isPrivate = true;
                case "public" -> isPublic = true;
                case "must-revalidate" -> mustRevalidate = true;
                case "proxy-revalidate" -> proxyRevalidate = true;
                case "max-age" -> maxAge = CacheControl.firstSeconds(maxAge, argument);
                case "s-maxage" -> sMaxage = CacheControl.firstSeconds(sMaxage, argument);
                case "stale-while-revalidate" -> staleWhileRevalidate = CacheControl.firstSeconds(staleWhileRevalidate, argument);
                case "stale-if-error" -> staleIfError = CacheControl.firstSeconds(staleIfError, argument);
                default -> {
                    // a directive no rule of this cache reads
                }
            }
        }
    }
}

package dev.restdatasource.internal.pipeline;

import dev.restdatasource.event.CallInfo;
import dev.restdatasource.event.CallSummary;
import dev.restdatasource.event.DataSourceEventListener;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Logs one line per call at DEBUG level (java.util.logging FINE) on the logger {@value #LOGGER}, when the call ends:
 * the data source, the method, the redacted URL, the status, the HTTP cache's outcome with the policy's reason, and
 * the time spent in the store, upstream and in all:
 *
 * <pre>
 * MoviesAPI GET https://api.example.com/movies/1?api_key=*** -&gt; 200, cache HIT (fresh), store 0.1 ms, upstream 0.0 ms, total 0.3 ms
 * MoviesAPI GET https://api.example.com/me -&gt; 200, cache UNCACHEABLE (not stored: private response), store 0.2 ms, upstream 41.0 ms, total 42.5 ms
 * MoviesAPI GET https://api.example.com/movies/2 -&gt; 200, cache REVALIDATED_NOT_MODIFIED (stale, revalidated: 304; stored for PT1M), ...
 * MoviesAPI GET https://api.example.com/movies/3 -&gt; 200, deduplicated, total 12.0 ms
 * MoviesAPI GET https://api.example.com/movies/4 -&gt; failed 503, code UPSTREAM_UNAVAILABLE, cache MISS (...), ...
 * </pre>
 *
 * <p>A built-in event listener: the {@link Pipeline} adds it to a call's listeners when the logger's level lets FINE
 * through at the call's start ({@link #enabled()}), so nothing is built or timed when the level is off. URLs hold no
 * user information and no query values; no header or body is logged. Stateless and thread-safe.
 */
final class DecisionLog implements DataSourceEventListener {
    /** The logger's name. */
    static final String LOGGER = "dev.restdatasource.decisions";

    private final System.Logger log;

    DecisionLog() {
        this(System.getLogger(LOGGER));
    }

    DecisionLog(System.Logger log) {
        this.log = log;
    }

    /** Whether the logger lets its lines through now. */
    boolean enabled() {
        return log.isLoggable(Level.DEBUG);
    }

    @Override
    public void callEnd(CallInfo call, CallSummary summary) {
        if (log.isLoggable(Level.DEBUG)) {
            log.log(Level.DEBUG, line(call, summary));
        }
    }

    /** The line for {@code call} ending as {@code summary} says. */
    static String line(CallInfo call, CallSummary summary) {
        StringBuilder line = new StringBuilder(call.dataSource()).append(' ').append(call.method()).append(' ')
                .append(call.url() != null ? call.url() : call.path()).append(" -> ");
        if (summary.succeeded()) {
            line.append(summary.status());
        } else {
            line.append("failed");
            if (summary.status() > 0) {
                line.append(' ').append(summary.status());
            }
            line.append(", code ").append(summary.errorCode() != null ? summary.errorCode() : summary.error().getClass().getSimpleName());
        }
        if (summary.deduplicated()) {
            line.append(", deduplicated");
        } else if (summary.cacheOutcome() != null) {
            line.append(", cache ").append(summary.cacheOutcome()).append(" (").append(summary.cacheReason()).append(')');
            line.append(", store ").append(millis(summary.storeTime())).append(", upstream ").append(millis(summary.upstreamTime()));
        }
        return line.append(", total ").append(millis(summary.duration())).toString();
    }

    /** {@code d} in milliseconds with one decimal. */
    private static String millis(Duration d) {
        long tenths = d.toNanos() / 100_000;
        return tenths / 10 + "." + tenths % 10 + " ms";
    }
}

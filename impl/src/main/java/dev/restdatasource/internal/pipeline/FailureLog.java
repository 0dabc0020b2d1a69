package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.event.CallInfo;
import dev.restdatasource.event.DataSourceEventListener;
import dev.restdatasource.internal.http.RedactedUrls;
import java.lang.System.Logger.Level;

/**
 * Logs each failed call once at DEBUG level (java.util.logging FINE) on the logger {@value #LOGGER}: the data source's
 * name, the method, the URL, the upstream status and the error code the caller gets, then the failure's message:
 *
 * <pre>
 * MoviesAPI GET https://api.example.com/movies/1?api_key=*** failed: status 401, code UNAUTHENTICATED: 401: Unauthorized
 * MoviesAPI GET movies/{id} failed before sending: IllegalArgumentException (no data-source code): Cannot resolve ...
 * </pre>
 *
 * <p>A built-in event listener: the {@link Pipeline} adds it to a call's listeners when the logger's level lets FINE
 * through at the call's start ({@link #enabled()}), so nothing is built when the level is off.
 *
 * <p>Nothing secret is written: URLs, the call's and those inside the message, lose their user information and
 * query values ({@link RedactedUrls}); no header and no body is logged (the message of a {@code DataSourceException}
 * is its status line or the kind of failure, never the body). The stack trace is not logged either: the failure
 * reaches the caller, and GraphQL servers log resolver failures themselves when asked (see the README's debugging
 * section). Stateless and thread-safe.
 */
final class FailureLog implements DataSourceEventListener {
    /** The logger's name. */
    static final String LOGGER = "dev.restdatasource.failures";

    private final System.Logger log;

    FailureLog() {
        this(System.getLogger(LOGGER));
    }

    FailureLog(System.Logger log) {
        this.log = log;
    }

    /** Whether the logger lets its lines through now. */
    boolean enabled() {
        return log.isLoggable(Level.DEBUG);
    }

    @Override
    public void callFailed(CallInfo call, String errorCode, RuntimeException error) {
        if (log.isLoggable(Level.DEBUG)) {
            log.log(Level.DEBUG, line(call, error));
        }
    }

    /** The line for {@code call} failing with {@code error}. */
    static String line(CallInfo call, RuntimeException error) {
        StringBuilder line = new StringBuilder(call.dataSource()).append(' ').append(call.method()).append(' ');
        if (call.url() != null) {
            line.append(call.url()).append(" failed: ");
        } else {
            line.append(call.path()).append(" failed before sending: ");
        }
        if (error instanceof DataSourceException e) {
            line.append(e.status() > 0 ? "status " + e.status() : "no response").append(", code ").append(e.code());
        } else {
            line.append(error.getClass().getName()).append(" (no data-source code)");
        }
        String message = error.getMessage();
        if (message != null && !message.isEmpty()) {
            line.append(": ").append(RedactedUrls.in(message));
        }
        return line.toString();
    }
}

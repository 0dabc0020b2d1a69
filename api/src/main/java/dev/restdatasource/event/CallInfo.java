package dev.restdatasource.event;

import java.util.Objects;

/**
 * One data-source call as events name it: which data source made it, the method, the path as the caller wrote it
 * (a template such as {@code movies/{id}}) and the resolved URL without secrets. The URL never holds user information
 * ({@code user:password@}) or query values (each is replaced by {@code ***}; the parameter names stay), so a listener
 * may log or export it as it is. One instance per call, passed to every event of that call (compare them by identity
 * to correlate events). Immutable and thread-safe.
 */
public final class CallInfo {
    private final String dataSource;
    private final String method;
    private final String path;
    private final String url;

    /**
     * Creates the description of a call.
     *
     * @param dataSource the data source's name
     * @param method     the HTTP method, upper case
     * @param path       the path or path template as the caller wrote it
     * @param url        the redacted URL, or null when the call failed before its URL was resolved
     */
    public CallInfo(String dataSource, String method, String path, String url) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.method = Objects.requireNonNull(method, "method");
        this.path = path;
        this.url = url;
    }

    /** The name of the data source that makes the call (its class's simple name unless it says otherwise). */
    public String dataSource() {
        return dataSource;
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The path or path template as the caller wrote it; may be null for a call made with an absolute URL. */
    public String path() {
        return path;
    }

    /**
     * The resolved URL without user information and with every query value replaced by {@code ***}; null when the
     * call failed before its URL was resolved (no base URL, a bad path value).
     */
    public String url() {
        return url;
    }

    @Override
    public String toString() {
        return dataSource + " " + method + " " + (url != null ? url : path);
    }
}

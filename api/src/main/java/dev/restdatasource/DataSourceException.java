package dev.restdatasource;

import java.net.URI;

/**
 * An upstream call failed: an error status, a timeout, a refused connection or an unreadable body.
 *
 * <p>Carries what a GraphQL error needs ({@link #code()}) and what a developer needs to debug
 * ({@link #status()}, {@link #url()}, {@link #body()}). The URL and body are for server-side use:
 * integrations do not show them to GraphQL clients unless configured to (Apollo sends both to GraphQL clients).
 */
public class DataSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final String statusText;
    private final transient URI url;
    private final transient Object body;

    /**
     * @param message    the error message (for an HTTP error, Apollo's {@code "<status>: <statusText>"})
     * @param code       one of {@link ErrorCode} or an application's own code; never null
     * @param status     the upstream HTTP status, or 0 when there was no response
     * @param statusText the reason phrase for {@code status}, or empty
     * @param url        the upstream URL, may be null
     * @param body       the parsed error body (a JSON value, a String, or null)
     * @param cause      the underlying failure, may be null
     */
    public DataSourceException(String message, String code, int status, String statusText, URI url, Object body,
            Throwable cause) {
        super(message, cause);
        if (code == null) {
            throw new NullPointerException("code");
        }
        this.code = code;
        this.status = status;
        this.statusText = statusText == null ? "" : statusText;
        this.url = url;
        this.body = body;
    }

    /** Returns the GraphQL error code, e.g. {@link ErrorCode#NOT_FOUND}. */
    public String code() {
        return code;
    }

    /** Returns the upstream HTTP status, or 0 when no response was received. */
    public int status() {
        return status;
    }

    /** Returns the reason phrase of {@link #status()}, or an empty string. */
    public String statusText() {
        return statusText;
    }

    /** Returns the upstream URL, or null when unknown. */
    public URI url() {
        return url;
    }

    /** Returns the parsed error body: a JSON value (Map, List, String, Number, Boolean), a String, or null. */
    public Object body() {
        return body;
    }
}

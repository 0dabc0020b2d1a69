package dev.restdatasource;

/**
 * The {@code extensions.code} values of GraphQL errors raised by data sources.
 *
 * <p>Apollo gives a code only to 401 and 403 and reports every other failure as
 * {@code INTERNAL_SERVER_ERROR}; here each kind of upstream failure has its own code.
 */
public final class ErrorCode {
    /** Upstream answered 401. */
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    /** Upstream answered 403. */
    public static final String FORBIDDEN = "FORBIDDEN";
    /** Upstream answered 404. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** Upstream answered 400 or 422. */
    public static final String BAD_REQUEST = "BAD_REQUEST";
    /** Upstream answered another 4xx or 5xx status. */
    public static final String UPSTREAM_ERROR = "UPSTREAM_ERROR";
    /** Upstream did not answer within the request timeout. */
    public static final String UPSTREAM_TIMEOUT = "UPSTREAM_TIMEOUT";
    /** No connection could be made to upstream (refused, unknown host, reset). */
    public static final String UPSTREAM_UNAVAILABLE = "UPSTREAM_UNAVAILABLE";
    /** Upstream answered with a body that could not be read as the expected type (e.g. malformed JSON). */
    public static final String INVALID_UPSTREAM_RESPONSE = "INVALID_UPSTREAM_RESPONSE";

    private ErrorCode() {
    }

    /** Returns the code for an upstream HTTP status that is not 2xx. */
    public static String forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 400, 422 -> BAD_REQUEST;
            default -> UPSTREAM_ERROR;
        };
    }
}

package dev.restdatasource.example.errors;

import dev.restdatasource.DataSourceException;
import io.smallrye.graphql.api.ErrorCode;

/** A data-source failure reported to GraphQL clients with {@code extensions.code} INVALID_UPSTREAM_RESPONSE. */
@ErrorCode("INVALID_UPSTREAM_RESPONSE")
public final class InvalidUpstreamResponse extends DataSourceException {
    private static final long serialVersionUID = 1L;

    InvalidUpstreamResponse(DataSourceException e) {
        super(e.getMessage(), e.code(), e.status(), e.statusText(), e.url(), e.body(), e);
    }
}

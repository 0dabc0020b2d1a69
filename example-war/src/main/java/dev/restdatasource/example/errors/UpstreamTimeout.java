package dev.restdatasource.example.errors;

import dev.restdatasource.DataSourceException;
import io.smallrye.graphql.api.ErrorCode;

/** A data-source failure reported to GraphQL clients with {@code extensions.code} UPSTREAM_TIMEOUT. */
@ErrorCode("UPSTREAM_TIMEOUT")
public final class UpstreamTimeout extends DataSourceException {
    private static final long serialVersionUID = 1L;

    UpstreamTimeout(DataSourceException e) {
        super(e.getMessage(), e.code(), e.status(), e.statusText(), e.url(), e.body(), e);
    }
}

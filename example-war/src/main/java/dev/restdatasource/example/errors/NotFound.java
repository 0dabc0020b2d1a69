package dev.restdatasource.example.errors;

import dev.restdatasource.DataSourceException;
import io.smallrye.graphql.api.ErrorCode;

/** A data-source failure reported to GraphQL clients with {@code extensions.code} NOT_FOUND. */
@ErrorCode("NOT_FOUND")
public final class NotFound extends DataSourceException {
    private static final long serialVersionUID = 1L;

    NotFound(DataSourceException e) {
        super(e.getMessage(), e.code(), e.status(), e.statusText(), e.url(), e.body(), e);
    }
}

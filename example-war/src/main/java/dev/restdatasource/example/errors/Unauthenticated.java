package dev.restdatasource.example.errors;

import dev.restdatasource.DataSourceException;
import io.smallrye.graphql.api.ErrorCode;

/** A data-source failure reported to GraphQL clients with {@code extensions.code} UNAUTHENTICATED. */
@ErrorCode("UNAUTHENTICATED")
public final class Unauthenticated extends DataSourceException {
    private static final long serialVersionUID = 1L;

    Unauthenticated(DataSourceException e) {
        super(e.getMessage(), e.code(), e.status(), e.statusText(), e.url(), e.body(), e);
    }
}

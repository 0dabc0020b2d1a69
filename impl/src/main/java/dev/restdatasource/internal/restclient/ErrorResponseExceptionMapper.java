package dev.restdatasource.internal.restclient;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a 4xx or 5xx answer of a data-source Rest Client into the {@link DataSourceException} the pipeline's
 * {@code errorFromResponse} makes of it (with its GraphQL error code). It runs just before the Rest Client's
 * default mapper, so mappers of the application (default priority 5000) still win. Thread-safe.
 */
final class ErrorResponseExceptionMapper implements ResponseExceptionMapper<DataSourceException> {
    /** Before the default mapper ({@code Integer.MAX_VALUE}), after the application's. */
    static final int PRIORITY = Integer.MAX_VALUE - 1;

    private final DataSourceLocator locator;

    ErrorResponseExceptionMapper(DataSourceLocator locator) {
        this.locator = locator;
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public DataSourceException toThrowable(Response response) {
        CallContext context = CallContext.current();
        DataSourceException known = context == null ? null : context.lastError();
        if (known != null && known.status() == response.getStatus()) {
            return known;
        }
        // A response filter changed the answer, or the call did not come through the proxy: map what is seen here.
        RestClientDataSource source = context != null ? context.source() : locator.current();
        return source.errorFor(null, toDataSourceResponse(response));
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    private static DataSourceResponse toDataSourceResponse(Response response) {
        Headers.Builder headers = Headers.builder();
        response.getStringHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        response.bufferEntity();
        byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        return DataSourceResponse.builder().status(response.getStatus())
                .statusText(response.getStatusInfo().getReasonPhrase()).headers(headers.build()).body(body).build();
    }
}

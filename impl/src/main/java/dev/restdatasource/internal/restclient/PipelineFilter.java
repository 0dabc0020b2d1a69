package dev.restdatasource.internal.restclient;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.internal.bridge.Failures;
import dev.restdatasource.internal.bridge.ResponseMarks;
import dev.restdatasource.internal.bridge.Urls;
import dev.restdatasource.internal.http.MediaTypes;
import dev.restdatasource.internal.json.Json;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The last request filter of a data-source Rest Client: it takes the request as the client and the user's filters
 * and {@code ClientHeadersFactory} left it, runs it through the data-source pipeline and aborts the client's own
 * HTTP exchange with the pipeline's response (made with the client's configuration: its read timeout as the
 * request timeout, its connect timeout and redirect setting; see {@link DataSourceLocator#derive}), so the client's readers, response filters and exception mappers
 * still see it. A transport failure is thrown as its {@code DataSourceException} (the runtime wraps it in a
 * {@code ProcessingException}, which the {@code @DataSource} proxy unwraps). Thread-safe.
 *
 * <p>The request's entity is first written as the client runtime would write it, by {@link EntityWriter}: through the
 * client's {@code WriterInterceptor}s, then the {@code MessageBodyWriter} its {@link Providers} pick (injected here by
 * the runtime: Jakarta REST makes {@code Providers} injectable into client providers), which also refuses an entity
 * on a GET or HEAD. The headers are read after that, so a header an interceptor or writer adds is sent too.
 */
final class PipelineFilter implements ClientRequestFilter {
    /** Runs after every user filter and the header factories. */
    static final int PRIORITY = Integer.MAX_VALUE;
    private static final Set<String> NOT_FORWARDED = Set.of("transfer-encoding", "connection", "content-length");

    private final DataSourceLocator locator;
    private final EntityWriter writer;

    /** The client's providers, injected by the runtime when it registers this filter. */
    @Context
    private Providers providers;

    /** @param client the Rest Client's name, for error messages */
    PipelineFilter(DataSourceLocator locator, String client) {
        this.locator = locator;
        this.writer = new EntityWriter(client);
    }

    @Override
    public void filter(ClientRequestContext request) throws IOException {
        CallContext context = CallContext.current();
        RestClientDataSource source = context != null ? context.source() : locator.current();
        byte[] body = writer.write(request, providers); // first: interceptors and writers may add headers
        Map<String, List<String>> headers = new LinkedHashMap<>(request.getStringHeaders());
        if (request.hasEntity() && request.getMediaType() != null) {
            headers.putIfAbsent(HttpHeaders.CONTENT_TYPE, List.of(request.getMediaType().toString()));
        }
        RestClientDataSource.Outcome outcome = Failures.join(source.send(request.getMethod(), request.getUri(), headers, body));
        if (context != null) {
            context.lastError(outcome.error());
        }
        checkNesting(request, outcome.response());
        request.abortWith(toResponse(outcome.response()));
    }

    /**
     * The client runtime's own JSON-B reads the body next, which the pipeline cannot bound: a JSON success body that
     * nests deeper than {@link Json#MAX_DEPTH} fails here, with {@code INVALID_UPSTREAM_RESPONSE}, as it would through
     * a {@code RESTDataSource}, instead of reaching a parser that might overflow its stack.
     */
    private static void checkNesting(ClientRequestContext request, DataSourceResponse response) {
        if (response.isSuccessful() && MediaTypes.isJson(response.headers().first("content-type"))
                && Json.nestsTooDeep(ResponseMarks.get().body(response))) { // the array itself: the scan only reads it
            throw new DataSourceException("Invalid response from " + request.getMethod() + " "
                    + Urls.withoutUserInfo(request.getUri()) + ": JSON nested more than " + Json.MAX_DEPTH + " levels deep",
                    ErrorCode.INVALID_UPSTREAM_RESPONSE, response.status(), response.statusText(), request.getUri(), null, null);
        }
    }

    private static Response toResponse(DataSourceResponse response) {
        Response.ResponseBuilder builder = Response.status(response.status(), response.statusText());
        response.headers().asMap().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        if (response.bodyLength() > 0) {
            builder.entity(new ByteArrayInputStream(response.body()));
        }
        return builder.build();
    }
}

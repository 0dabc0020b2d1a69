package dev.restdatasource.impl.cdi;

import dev.restdatasource.DataSourceResponse;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The last request filter of a data-source Rest Client: it takes the request as the client and the user's filters
 * and {@code ClientHeadersFactory} left it, runs it through the data-source pipeline and aborts the client's own
 * HTTP exchange with the pipeline's response (made with the client's configuration: its read timeout as the
 * request timeout, its connect timeout and redirect setting; see {@link SourceLookup#derive}), so the client's readers, response filters and exception mappers
 * still see it. A transport failure is thrown as its {@code DataSourceException} (the runtime wraps it in a
 * {@code ProcessingException}, which the {@code @DataSource} proxy unwraps). Thread-safe.
 *
 * <p>Request bodies are serialized by the pipeline's rules (String and byte[] as they are, an InputStream read
 * fully, any other object as JSON), not by the client's {@code MessageBodyWriter}s.
 */
final class PipelineFilter implements ClientRequestFilter {
    /** Runs after every user filter and the header factories. */
    static final int PRIORITY = Integer.MAX_VALUE;
    private static final Set<String> NOT_FORWARDED = Set.of("transfer-encoding", "connection", "content-length");

    private final SourceLookup sources;

    PipelineFilter(SourceLookup sources) {
        this.sources = sources;
    }

    @Override
    public void filter(ClientRequestContext request) throws IOException {
        CallContext context = CallContext.current();
        RestClientSource source = context != null ? context.source() : sources.current();
        Map<String, List<String>> headers = new LinkedHashMap<>(request.getStringHeaders());
        if (request.hasEntity() && request.getMediaType() != null) {
            headers.putIfAbsent(HttpHeaders.CONTENT_TYPE, List.of(request.getMediaType().toString()));
        }
        RestClientSource.Outcome outcome = join(source.send(request.getMethod(), request.getUri(), headers,
                body(request)));
        if (context != null) {
            context.lastError(outcome.error());
        }
        request.abortWith(toResponse(outcome.response()));
    }

    private static Object body(ClientRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return null;
        }
        Object entity = request.getEntity();
        if (entity instanceof InputStream in) {
            try (in) {
                return in.readAllBytes();
            }
        }
        return entity;
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

    private static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new CompletionException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException("Interrupted while waiting for upstream", e);
        }
    }
}

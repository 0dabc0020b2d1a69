package dev.restdatasource.example.errors;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Gives data-source failures an exact GraphQL {@code extensions.code} on Open Liberty's mpGraphQL-2.0.
 *
 * <p>There, SmallRye takes the code from {@code @io.smallrye.graphql.api.ErrorCode} only for exception classes in
 * the application's {@code WEB-INF/classes}, by exact class (see docs/liberty-graphql-errors.md). So each code has
 * its own small class in this package, and a {@link DataSourceException} leaving a resolver is rethrown as the
 * class of its code. The classes extend {@code DataSourceException}, whose messages
 * {@code mp.graphql.exceptionsWhiteList} shows; the message never holds the upstream URL or body.
 *
 * <p>TODO(CDI integration): when the library maps errors itself, resolvers stop calling this class.
 */
public final class GraphQLErrors {
    private GraphQLErrors() {
    }

    /** Runs {@code call}, rethrowing a data-source failure as the exception class of its code. */
    public static <T> T coded(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataSourceException e) {
            throw coded(e);
        }
    }

    /** Returns a stage that fails, when {@code stage} fails with a data-source failure, with its coded class. */
    public static <T> CompletionStage<T> coded(CompletionStage<T> stage) {
        return stage.handle((value, failure) -> {
            if (failure == null) {
                return value;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof DataSourceException e) {
                throw coded(e);
            }
            throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
        });
    }

    /** Returns {@code e} as the exception class of its code; an unknown code is returned as it is. */
    public static DataSourceException coded(DataSourceException e) {
        return switch (e.code()) {
            case ErrorCode.UNAUTHENTICATED -> new Unauthenticated(e);
            case ErrorCode.FORBIDDEN -> new Forbidden(e);
            case ErrorCode.NOT_FOUND -> new NotFound(e);
            case ErrorCode.BAD_REQUEST -> new BadRequest(e);
            case ErrorCode.UPSTREAM_ERROR -> new UpstreamError(e);
            case ErrorCode.UPSTREAM_TIMEOUT -> new UpstreamTimeout(e);
            case ErrorCode.UPSTREAM_UNAVAILABLE -> new UpstreamUnavailable(e);
            case ErrorCode.INVALID_UPSTREAM_RESPONSE -> new InvalidUpstreamResponse(e);
            default -> e;
        };
    }
}

package dev.restdatasource;

import dev.restdatasource.internal.bridge.Failures;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A call being prepared by a {@link RESTDataSource} helper such as {@code get("movies/{id}", id)}:
 * add parameters, headers and a body, then run it with one of the terminal methods.
 *
 * <pre>{@code
 * Movie movie = get("movies/{id}", id).param("lang", "en").as(Movie.class);
 * CompletionStage<List<Movie>> top = get("movies").param("sort", "views").asAsync(new TypeRef<>() {});
 * DataSourceResponse raw = post("movies").body(movie).throwOnErrorStatus(false).fetch();
 * }</pre>
 *
 * <p>Not thread-safe; run each call once.
 */
public final class DataSourceCall {
    private final RESTDataSource owner;
    private final String path;
    private final DataSourceRequest request;

    DataSourceCall(RESTDataSource owner, String method, String path, Object[] pathValues) {
        this.owner = owner;
        this.path = path;
        this.request = new DataSourceRequest(method, java.util.Arrays.asList(pathValues));
    }

    /** Returns the request this call will send; hooks see the same object. */
    public DataSourceRequest request() {
        return request;
    }

    /** Appends a query parameter (repeatable; null values are left out). */
    public DataSourceCall param(String name, Object value) {
        request.param(name, value);
        return this;
    }

    /** Appends every entry of {@code params} as a query parameter, in the map's order. */
    public DataSourceCall params(Map<String, ?> params) {
        params.forEach(request::param);
        return this;
    }

    /** Sets a header, replacing earlier values. */
    public DataSourceCall header(String name, String value) {
        request.header(name, value);
        return this;
    }

    /** Sets the body: a String or byte[] is sent as it is, another object as JSON. */
    public DataSourceCall body(Object body) {
        request.body(body);
        return this;
    }

    /** Sets this call's cache and deduplication key (Apollo's {@code cacheKey}). */
    public DataSourceCall cacheKey(String cacheKey) {
        request.cacheKey(cacheKey);
        return this;
    }

    /** Sets this call's cache options (Apollo's {@code cacheOptions}). */
    public DataSourceCall cacheOptions(CacheOptions cacheOptions) {
        request.cacheOptions(cacheOptions);
        return this;
    }

    /** Skips the cache read; the response is still stored when storable (Apollo's {@code skipCache}). */
    public DataSourceCall skipCache() {
        request.skipCache(true);
        return this;
    }

    /** Sets this call's request timeout. */
    public DataSourceCall timeout(Duration timeout) {
        request.timeout(timeout);
        return this;
    }

    /** Sets the largest response body this call reads, in bytes; a larger one fails the call. */
    public DataSourceCall maxResponseBytes(long maxResponseBytes) {
        request.maxResponseBytes(maxResponseBytes);
        return this;
    }

    /** Makes a 404 answer a {@code null} result instead of a {@code NOT_FOUND} error. */
    public DataSourceCall notFoundAsNull() {
        request.notFoundAsNull(true);
        return this;
    }

    /** Sets whether a non-2xx answer throws; {@code fetch} with {@code false} returns it instead. */
    public DataSourceCall throwOnErrorStatus(boolean throwOnErrorStatus) {
        request.throwOnErrorStatus(throwOnErrorStatus);
        return this;
    }

    /** Runs the call and returns the body as {@code type}. */
    public <T> T as(Class<T> type) {
        return type.cast(Failures.join(run(type)));
    }

    /** Runs the call and returns the body as the generic {@code type}. */
    @SuppressWarnings("unchecked")
    public <T> T as(TypeRef<T> type) {
        return (T) Failures.join(run(type.type()));
    }

    /** Runs the call without blocking and completes with the body as {@code type}. */
    public <T> CompletionStage<T> asAsync(Class<T> type) {
        return run(type).thenApply(type::cast);
    }

    /** Runs the call without blocking and completes with the body as the generic {@code type}. */
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> asAsync(TypeRef<T> type) {
        return run(type.type()).thenApply(result -> (T) result);
    }

    /** Runs the call and returns the raw response (Apollo's {@code fetch}). */
    public DataSourceResponse fetch() {
        return as(DataSourceResponse.class);
    }

    /** Runs the call without blocking and completes with the raw response. */
    public CompletionStage<DataSourceResponse> fetchAsync() {
        return asAsync(DataSourceResponse.class);
    }

    private CompletionStage<Object> run(Type type) {
        return owner.engine().execute(path, request, type);
    }
}

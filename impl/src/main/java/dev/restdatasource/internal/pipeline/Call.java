package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.internal.bridge.DataSourceHooks;
import dev.restdatasource.internal.cache.Exchange;
import dev.restdatasource.internal.dedup.Deduplicator;
import java.net.URI;

/**
 * One call as it goes through the {@link Pipeline}: what the caller asked for, the data source that asks (its hooks
 * and its in-flight calls), and what the steps fill in on the way down.
 *
 * <p>The steps before deduplication fill in {@link #url()}, {@link #exchange()} and {@link #deduplicated()} on the
 * caller's thread, before any other thread sees the call. A step that sends something else downstream (a redirect
 * hop, the HTTP cache's conditional request) passes a copy made with {@link #withExchange}, so the call's own fields
 * never change after deduplication.
 */
final class Call {
    private final DataSourceHooks hooks;
    private final Deduplicator inFlight;
    private final String path;
    private final DataSourceRequest request;
    private URI url;
    private Exchange exchange;
    private boolean deduplicated;
    private CallEvents events = CallEvents.NONE;

    Call(DataSourceHooks hooks, Deduplicator inFlight, String path, DataSourceRequest request) {
        this.hooks = hooks;
        this.inFlight = inFlight;
        this.path = path;
        this.request = request;
    }

    private Call(Call call, Exchange exchange) {
        this(call.hooks, call.inFlight, call.path, call.request);
        this.url = call.url;
        this.exchange = exchange;
        this.deduplicated = call.deduplicated;
        this.events = call.events;
    }

    /** The hooks of the data source that makes the call. */
    DataSourceHooks hooks() {
        return hooks;
    }

    /** The calls in flight of the data source that makes the call (deduplication is per data source). */
    Deduplicator inFlight() {
        return inFlight;
    }

    /** The path or path template as the caller wrote it. */
    String path() {
        return path;
    }

    /** The call as the caller and the hooks built it; hooks before URL resolution may change it. */
    DataSourceRequest request() {
        return request;
    }

    /** The resolved URL with its query parameters, or null before URL resolution. */
    URI url() {
        return url;
    }

    /** What the next steps send, or null before URL resolution. */
    Exchange exchange() {
        return exchange;
    }

    /** Whether this caller joined an identical call already in flight (its response is marked as such). */
    boolean deduplicated() {
        return deduplicated;
    }

    /** The listeners' events of this call, shared by its copies; {@link CallEvents#NONE} when nobody listens. */
    CallEvents events() {
        return events;
    }

    /** Set by the engine before the pipeline runs. */
    void events(CallEvents events) {
        this.events = events;
    }

    void resolved(URI url, Exchange exchange) {
        this.url = url;
        this.exchange = exchange;
    }

    void deduplicated(boolean deduplicated) {
        this.deduplicated = deduplicated;
    }

    /** Returns this call sending {@code other} instead of its exchange. */
    Call withExchange(Exchange other) {
        return other == exchange ? this : new Call(this, other);
    }
}

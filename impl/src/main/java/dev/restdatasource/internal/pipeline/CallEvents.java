package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.event.CacheOutcome;
import dev.restdatasource.event.CallInfo;
import dev.restdatasource.event.CallSummary;
import dev.restdatasource.event.DataSourceEventListener;
import dev.restdatasource.event.StoreFailure;
import dev.restdatasource.internal.bridge.Failures;
import dev.restdatasource.internal.cache.CacheObserver;
import dev.restdatasource.internal.http.RedactedUrls;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The events of one call, told to the listeners the {@link Pipeline} chose for it ({@link Pipeline#eventsFor}), and
 * what the call's end summary needs (cache outcome, store and upstream time). {@link #NONE}, shared, is used when
 * nobody listens: the steps then build nothing (they compare with it before reading the clock or redacting a URL).
 *
 * <p>Each listener call is guarded: what a listener throws is caught, counted ({@link #listenerFailures()}) and
 * logged at DEBUG (java.util.logging FINE) on {@value #LOGGER} the first time for each listener of a pipeline; it
 * never reaches the call. Thread-safe: events come from the caller's thread, the transport's and the store's.
 */
class CallEvents implements CacheObserver {
    /** The logger of listener failures. */
    static final String LOGGER = "dev.restdatasource.events";

    /** Told nothing. */
    static final CallEvents NONE = new CallEvents(new DataSourceEventListener[0], Set.of(), 0);

    private static final System.Logger LOG = System.getLogger(LOGGER);
    private static final AtomicLong LISTENER_FAILURES = new AtomicLong();

    private final DataSourceEventListener[] listeners;
    private final Set<DataSourceEventListener> loggedFailures;
    private final long startNanos;
    private final AtomicLong storeNanos = new AtomicLong();
    private final AtomicLong upstreamNanos = new AtomicLong();
    private volatile CallInfo info;
    private volatile CacheOutcome cacheOutcome;
    private volatile String cacheReason;

    /**
     * @param listeners      told in this order
     * @param loggedFailures the listeners whose failure was logged already (shared by the calls of one pipeline)
     * @param startNanos     when the call started ({@link System#nanoTime})
     */
    CallEvents(DataSourceEventListener[] listeners, Set<DataSourceEventListener> loggedFailures, long startNanos) {
        this.listeners = listeners;
        this.loggedFailures = loggedFailures;
        this.startNanos = startNanos;
    }

    /** How many times a listener has thrown, in this class loader. */
    static long listenerFailures() {
        return LISTENER_FAILURES.get();
    }

    /** This, as the HTTP cache's observer; {@link CacheObserver#NONE} for {@link #NONE}. */
    CacheObserver cacheObserver() {
        return this == NONE ? CacheObserver.NONE : this;
    }

    /** The call's description, made once; its URL is null when the call failed before its URL was resolved. */
    private CallInfo info(Call call) {
        CallInfo i = info;
        if (i == null) {
            i = new CallInfo(call.hooks().name(), call.request().method(), call.path(), RedactedUrls.of(call.url()));
            info = i;
        }
        return i;
    }

    /** The call's URL is resolved; it starts. */
    void start(Call call) {
        if (this == NONE) {
            return; // NONE keeps no call's description
        }
        CallInfo i = info(call);
        tell(l -> l.callStart(i));
    }

    void deduplicated() {
        CallInfo i = info;
        tell(l -> l.deduplicated(i));
    }

    @Override
    public void outcome(CacheOutcome outcome, String reason) {
        cacheOutcome = outcome;
        cacheReason = reason;
        CallInfo i = info;
        tell(l -> l.cacheLookup(i, outcome, reason));
    }

    @Override
    public void storeRead(long nanos, StoreFailure failure) {
        storeNanos.addAndGet(nanos);
        Duration latency = Duration.ofNanos(nanos);
        CallInfo i = info;
        tell(l -> l.storeRead(i, latency, failure));
    }

    @Override
    public void storeWrite(long nanos, StoreFailure failure) {
        Duration latency = Duration.ofNanos(nanos);
        CallInfo i = info;
        tell(l -> l.storeWrite(i, latency, failure));
    }

    void upstreamRequest(String method, URI url) {
        String redacted = RedactedUrls.of(url);
        CallInfo i = info;
        tell(l -> l.upstreamRequest(i, method, redacted));
    }

    /** The upstream exchange sent {@code nanos} ago ended with {@code response}, or failed with {@code error}. */
    void upstreamEnd(long nanos, DataSourceResponse response, Throwable error) {
        upstreamNanos.addAndGet(nanos);
        Duration latency = Duration.ofNanos(nanos);
        Throwable cause = error == null ? null : Failures.unwrap(error);
        CallInfo i = info;
        tell(l -> {
            if (cause == null) {
                l.upstreamResponse(i, response.status(), latency, response.bodyLength());
            } else {
                l.upstreamFailed(i, latency, cause);
            }
        });
    }

    void redirect(int status, URI location) {
        String redacted = RedactedUrls.of(location);
        CallInfo i = info;
        tell(l -> l.redirect(i, status, redacted));
    }

    /** The call failed with {@code error}, the exception its caller gets. */
    void failed(Call call, RuntimeException error) {
        if (this == NONE) {
            return;
        }
        CallInfo i = info(call);
        String code = error instanceof DataSourceException d ? d.code() : null;
        tell(l -> l.callFailed(i, code, error));
    }

    /**
     * The call ended: with {@code response} (null when there was none), or failing with {@code error} (null when it
     * succeeded).
     */
    void end(Call call, DataSourceResponse response, RuntimeException error) {
        if (this == NONE) {
            return;
        }
        CallInfo i = info(call);
        int status = error instanceof DataSourceException d ? d.status() : response != null ? response.status() : 0;
        CallSummary summary = new CallSummary(status, error instanceof DataSourceException d ? d.code() : null, error,
                call.deduplicated(), cacheOutcome, cacheReason, Duration.ofNanos(System.nanoTime() - startNanos),
                Duration.ofNanos(storeNanos.get()), Duration.ofNanos(upstreamNanos.get()));
        tell(l -> l.callEnd(i, summary));
    }

    /** Tells each listener {@code event}, catching what it throws. */
    private void tell(Consumer<DataSourceEventListener> event) {
        for (DataSourceEventListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException | LinkageError e) {
                threw(l, e);
            }
        }
    }

    private void threw(DataSourceEventListener listener, Throwable e) {
        LISTENER_FAILURES.incrementAndGet();
        if (loggedFailures.add(listener)) {
            LOG.log(Level.DEBUG, () -> "The event listener " + listener.getClass().getName()
                    + " threw; its failures are ignored (logged once per listener): " + e);
        }
    }
}

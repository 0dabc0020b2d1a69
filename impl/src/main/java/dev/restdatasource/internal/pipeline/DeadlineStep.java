package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.backend.Ttl;
import dev.restdatasource.internal.concurrent.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's deadline on one upstream exchange: when the exchange's timeout passes before the transport answers
 * (headers and whole body), the hop fails with a {@link TimeoutException} (the engine reports
 * {@code UPSTREAM_TIMEOUT}) and the transport's stage is cancelled so that it can close the connection. The engine,
 * not the transport, owns the deadline: a transport that ignores its timeout, or never completes, cannot hang a call.
 *
 * <p>Placed just before {@link TransportStep}, so it runs once per hop that goes upstream: a cache hit schedules
 * nothing, and each redirect hop and each revalidation has the request timeout to itself, as the transport's own
 * timeout always had (the number of hops is bounded by the redirect limit). A timeout here is an upstream failure
 * like any other, so the HTTP cache may still answer with a stale entry where it allows that.
 *
 * <p>Owning the exchange's whole span, it also tells the call's events of each upstream request and of its end
 * (status, latency, body bytes, or the failure: the timeout itself when the deadline passed), before the call goes on.
 *
 * <p>The timers run on one daemon thread shared by every pipeline. When a timer fires, what waits on the call (the
 * engine's result handling, the hooks it calls, a caller's async continuations) runs on that thread, as with
 * {@code CompletableFuture.orTimeout}. Thread-safe.
 */
final class DeadlineStep implements Step {
    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    @Override
    public CompletionStage<DataSourceResponse> intercept(Call call, Chain next) {
        Duration timeout = call.exchange().timeout();
        Upstream told = Upstream.of(call);
        CompletableFuture<DataSourceResponse> sent;
        try {
            sent = next.proceed(call).toCompletableFuture();
        } catch (RuntimeException e) {
            if (told != null) {
                told.ended(null, e);
            }
            throw e;
        }
        if (sent.isDone()) {
            if (told != null) {
                told.ended(sent);
            }
            return sent;
        }
        CompletableFuture<DataSourceResponse> result = new CompletableFuture<>();
        AtomicReference<TimeoutException> expired = new AtomicReference<>();
        ScheduledFuture<?> timer = TIMERS.schedule(() -> {
            // The transport's stage is cancelled BEFORE the call fails, so whoever sees the failure also sees the
            // exchange stopped; the cancellation's own error is replaced by the timeout below.
            TimeoutException timedOut = new TimeoutException("No complete answer within " + timeout);
            expired.set(timedOut);
            if (told != null) {
                told.ended(null, timedOut);
            }
            sent.cancel(true);
            result.completeExceptionally(timedOut);
        }, Ttl.toNanos(timeout), TimeUnit.NANOSECONDS); // a duration too long to count waits as long as a long allows
        sent.whenComplete((response, error) -> {
            timer.cancel(false);
            if (told != null) {
                told.ended(response, error); // before the call goes on, so the call's end counts this exchange
            }
            if (error != null) {
                TimeoutException timedOut = expired.get();
                result.completeExceptionally(timedOut != null ? timedOut : error);
            } else {
                result.complete(response);
            }
        });
        return result;
    }

    /**
     * The call's events of one upstream exchange: the request when made, then its end, told once (the deadline and
     * the transport may end it at the same time). Made only when someone listens.
     */
    private static final class Upstream {
        private final CallEvents events;
        private final long start = System.nanoTime();
        private final AtomicBoolean ended = new AtomicBoolean();

        private Upstream(CallEvents events) {
            this.events = events;
        }

        /** Tells the request of {@code call}'s exchange; null when nobody listens. */
        static Upstream of(Call call) {
            CallEvents events = call.events();
            if (events == CallEvents.NONE) {
                return null;
            }
            events.upstreamRequest(call.exchange().method(), call.exchange().url());
            return new Upstream(events);
        }

        void ended(CompletableFuture<DataSourceResponse> done) {
            DataSourceResponse response = null;
            Throwable error = null;
            try {
                response = done.join();
            } catch (RuntimeException e) {
                error = e;
            }
            ended(response, error);
        }

        void ended(DataSourceResponse response, Throwable error) {
            if (ended.compareAndSet(false, true)) {
                events.upstreamEnd(System.nanoTime() - start, response, error);
            }
        }
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("restdatasource-deadline"));
        timers.setRemoveOnCancelPolicy(true); // a call that answers in time leaves no timer behind
        return timers;
    }
}

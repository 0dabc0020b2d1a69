package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.event.DataSourceEventListener;
import dev.restdatasource.internal.cache.HttpCache;
import dev.restdatasource.spi.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;

/**
 * The steps every data-source call goes through, in order; both front ends (RESTDataSource subclasses and
 * {@code @DataSource} Rest Client interfaces) run them through {@link Engine}. The list in {@link #of} is the whole
 * pipeline:
 * <ol>
 *   <li>{@link RequestFiltersStep}: the configuration's request filters;</li>
 *   <li>{@link WillSendRequestStep}: the {@code willSendRequest} hook;</li>
 *   <li>{@link ResolveUrlStep}: {@code resolveURL}, query parameters, body serialization, timeout;</li>
 *   <li>{@link DeduplicationStep}: identical calls of one data source in flight are shared
 *       ({@code requestDeduplicationPolicyFor});</li>
 *   <li>{@link TraceStep}: the {@code trace} hook around the rest;</li>
 *   <li>{@link RedirectStep}: redirects, each hop through the steps below;</li>
 *   <li>{@link HttpCacheStep}: the shared HTTP cache ({@code cacheKeyFor}, {@code cacheOptionsFor});</li>
 *   <li>{@link DeadlineStep}: the request timeout over the whole exchange, whatever the transport does;</li>
 *   <li>{@link TransportStep}: the HTTP request itself, its body read up to a limit.</li>
 * </ol>
 * The engine then turns the response into the caller's result ({@code throwIfResponseIsError}, 404 as null,
 * {@code parseBody}) and reports failures from deduplication on through {@code didEncounterError}; failures of the
 * steps before deduplication are the caller's mistakes and are not reported there.
 *
 * <p>Events: each call gets its {@link CallEvents} from {@link #eventsFor} before it runs: the configuration's event
 * listeners, plus the built-in {@link FailureLog} and {@link DecisionLog} when their loggers' level lets FINE through
 * at that moment. With none of them the call gets {@link CallEvents#NONE} and no event is built. The steps tell
 * them what they do (start once the URL is resolved, a deduplicated join, the cache's outcome and store I/O, each
 * upstream exchange in the deadline step, redirects), and the engine tells the failure as its caller gets it and the
 * end.
 *
 * <p>To add a step (cross-request coalescing, metrics): write one class implementing {@link Step} (package-private,
 * in this package, holding only what the configuration gives it and keeping per-call state in the {@link Call}),
 * and add one line for it in {@link #of} at its place. A step placed before {@link DeduplicationStep} runs once per
 * caller and must fail by throwing; one placed between {@link RedirectStep} and {@link TransportStep} runs once per
 * hop; one placed after {@link HttpCacheStep} runs only when the cache goes upstream.
 *
 * <p>A pipeline is built once per configuration ({@link PipelinePerConfig}) and its links once with it, so a call
 * allocates no step and no link. Immutable and thread-safe.
 */
final class Pipeline implements Step.Chain {
    /** What follows the last step: nothing, so the last step must answer without proceeding. */
    private static final Step.Chain END = call -> {
        throw new IllegalStateException("The last step of the pipeline must answer without proceeding");
    };

    private final List<Step> steps;
    private final Step.Chain first;
    private final List<DataSourceEventListener> listeners;
    private final FailureLog failureLog;
    private final DecisionLog decisionLog;
    /** The listeners of a call, by which built-in logs are on: none, failures, decisions, both. */
    private final DataSourceEventListener[][] byLogs;
    private final Set<DataSourceEventListener> loggedFailures = ConcurrentHashMap.newKeySet();

    /** A pipeline of {@code steps} with no listener but the built-in logs. */
    Pipeline(List<Step> steps) {
        this(steps, List.of());
    }

    Pipeline(List<Step> steps, List<? extends DataSourceEventListener> listeners) {
        this(steps, listeners, new FailureLog(), new DecisionLog());
    }

    Pipeline(List<Step> steps, List<? extends DataSourceEventListener> listeners, FailureLog failureLog, DecisionLog decisionLog) {
        this.steps = List.copyOf(steps);
        this.listeners = List.copyOf(listeners);
        this.failureLog = failureLog;
        this.decisionLog = decisionLog;
        this.byLogs = new DataSourceEventListener[][] {
            with(this.listeners), with(this.listeners, failureLog), with(this.listeners, decisionLog),
            with(this.listeners, failureLog, decisionLog)};
        Step.Chain chain = END;
        for (int i = this.steps.size() - 1; i >= 0; i--) {
            chain = new Link(this.steps.get(i), chain);
        }
        this.first = chain;
    }

    /** Returns the pipeline of {@code config}, over its shared HTTP cache and transport. */
    static Pipeline of(DataSourceConfig config, HttpCache httpCache, Transport transport) {
        return new Pipeline(List.of(
                new RequestFiltersStep(config.requestFilters()),
                new WillSendRequestStep(),
                new ResolveUrlStep(config.requestTimeout()),
                new DeduplicationStep(httpCache.credentials()),
                new TraceStep(),
                new RedirectStep(config.maxRedirects(), httpCache.credentials()),
                new HttpCacheStep(httpCache),
                new DeadlineStep(),
                new TransportStep(transport, config.maxResponseBytes())), config.eventListeners());
    }

    private static DataSourceEventListener[] with(List<DataSourceEventListener> listeners, DataSourceEventListener... logs) {
        List<DataSourceEventListener> all = new ArrayList<>(listeners);
        all.addAll(List.of(logs));
        return all.toArray(DataSourceEventListener[]::new);
    }

    /**
     * The events of a call starting now: told to the configuration's listeners and the built-in logs that are on;
     * {@link CallEvents#NONE}, allocating nothing, when there are none.
     */
    CallEvents eventsFor() {
        DataSourceEventListener[] told = byLogs[(failureLog.enabled() ? 1 : 0) + (decisionLog.enabled() ? 2 : 0)];
        return told.length == 0 ? CallEvents.NONE : new CallEvents(told, loggedFailures, System.nanoTime());
    }

    /** Runs every step on {@code call}. Throws what a step before deduplication throws. */
    @Override
    public CompletionStage<DataSourceResponse> proceed(Call call) {
        return first.proceed(call);
    }

    /** The steps in order. */
    List<Step> steps() {
        return steps;
    }

    /**
     * Returns this pipeline with {@code step} inserted just before the first step of type {@code before}; for tests
     * and for trying a step out before it gets its line in {@link #of}.
     *
     * @throws IllegalArgumentException when no step has that type
     */
    Pipeline withStepBefore(Class<? extends Step> before, Step step) {
        for (int i = 0; i < steps.size(); i++) {
            if (before.isInstance(steps.get(i))) {
                List<Step> more = new ArrayList<>(steps);
                more.add(i, step);
                return new Pipeline(more, listeners, failureLog, decisionLog);
            }
        }
        throw new IllegalArgumentException("No " + before.getSimpleName() + " in the pipeline");
    }

    /** One step and the steps after it. */
    private record Link(Step step, Step.Chain next) implements Step.Chain {
        @Override
        public CompletionStage<DataSourceResponse> proceed(Call call) {
            return step.intercept(call, next);
        }
    }
}

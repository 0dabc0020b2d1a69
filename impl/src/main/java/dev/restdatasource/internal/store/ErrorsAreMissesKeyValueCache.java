package dev.restdatasource.internal.store;

import dev.restdatasource.backend.Ttl;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.event.StoreFailure;
import dev.restdatasource.internal.cache.ObservableStore;
import dev.restdatasource.internal.bridge.Failures;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Makes a store safe to call from a request: its failures, slow answers and blocked threads never fail or hang the
 * caller.
 *
 * <p>Every call is bounded by a timeout (default {@link #DEFAULT_TIMEOUT}). A failed, thrown or late
 * {@code get} completes with {@code null} (a miss); a failed {@code set} completes normally; a failed
 * {@code delete} completes with {@code false}. Apollo's {@code ErrorsAreMissesCache} does this for
 * {@code get} only and lets {@code set}/{@code delete} errors propagate. A store that throws an {@link Error}
 * (say a {@link NoClassDefFoundError} of a missing client class), or fails its stage with one, is a failure like
 * any other. The one exception: a {@link VirtualMachineError} (such as {@link OutOfMemoryError}) thrown by the
 * in-memory store on the caller's thread propagates, after being counted, because the JVM itself is then in trouble.
 *
 * <p>Blocking stores: the timeout can only bound a call that returns. So the delegate is called on a bounded pool of
 * daemon threads ({@link StoreThreads}: at most 64 threads and 1,024 waiting calls, shared by every wrapper), and the
 * caller waits only for the timeout, however long the delegate blocks before returning its stage. At most
 * {@value #MAX_IN_FLIGHT} calls of one wrapper may be waiting for or running on that pool; a call beyond that, or
 * one the full pool refuses, is answered at once as a failure (a miss), so a store that hangs holds at most that
 * many threads and never an unbounded queue. A store that says {@link KeyValueCache#neverBlocksCaller()} (the
 * {@link InMemoryKeyValueCache}, the Redis store) is called directly on the caller's thread, so its hits cost no thread
 * hand-off.
 *
 * <p>A circuit breaker keeps a dead node from costing the timeout on every request: after
 * {@value #FAILURES_TO_OPEN} failures in a row the wrapper answers miss / no-op at once, without calling
 * the delegate, for {@value #OPEN_MILLIS} ms; then it lets one trial call through, and the first success
 * closes it again.
 *
 * <p>Cold stores: a store whose {@linkplain #warmUp warm-up} runs (the backends' CDI switch starts it with the
 * application) is not waited for by a wrapper made with {@link #warmingUp} (the one the data sources use): its reads
 * are misses at once until the warm-up read ends, so a store still starting costs no request the timeout.
 *
 * <p>Failures are logged through {@link System.Logger} at {@code WARNING}, at most one line per
 * <p>Failures are logged through {@link System.Logger} at {@code WARNING}, at most one line per
 * {@value #LOG_INTERVAL_SECONDS} s per instance; the line counts the failures not logged since the last one, and
 * names the store (its class) and the key by a fingerprint ({@link KeyFingerprints}), never by its text: a key holds
 * the upstream URL, whose path and query may identify a user.
 *
 * <p>Thread-safety: safe for any number of threads if the delegate is. When the in-memory delegate's stage is
 * already complete the answer is returned without scheduling a timer; otherwise the stage may complete on the
 * delegate's thread, on a pool thread or on the JDK's {@link CompletableFuture} timer thread, so callers should not
 * run blocking work in dependent stages without an executor.
 *
 * <p>Nullness: a {@code null} key or value is passed to the delegate, whose failure becomes a miss like any
 * other; the returned stages never complete exceptionally.
 */
public final class ErrorsAreMissesKeyValueCache implements ObservableStore {
    /** The default bound on each call: 50 ms. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(50);

    static final int FAILURES_TO_OPEN = 5;
    static final long OPEN_MILLIS = 1_000;
    static final long LOG_INTERVAL_SECONDS = 10;
    static final int MAX_IN_FLIGHT = 32;

    private static final String NULL_STAGE = "the delegate returned a null stage";

    private final KeyValueCache delegate;
    private final long timeoutNanos;
    private final CircuitBreaker breaker;
    private final RateLimitedLog log;
    private final Executor handOff;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final CompletableFuture<?> ready;
    private final AtomicInteger deferredWrites = new AtomicInteger();

    /** Wraps {@code delegate} with {@link #DEFAULT_TIMEOUT}. */
    public ErrorsAreMissesKeyValueCache(KeyValueCache delegate) {
        this(delegate, DEFAULT_TIMEOUT);
    }

    /**
     * Wraps {@code delegate}, bounding each call by {@code timeout}.
     *
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public ErrorsAreMissesKeyValueCache(KeyValueCache delegate, Duration timeout) {
        this(delegate, timeout, System::nanoTime, System.getLogger(ErrorsAreMissesKeyValueCache.class.getName()));
    }

    /** Tests inject the time source of the breaker and the log limiter, and a logger to capture lines. */
    ErrorsAreMissesKeyValueCache(KeyValueCache delegate, Duration timeout, LongSupplier nanoTime, Logger logger) {
        this(delegate, timeout, nanoTime, logger, neverBlocks(delegate) ? null : SharedPool.POOL, MAX_IN_FLIGHT);
    }

    /**
     * Tests also choose where the delegate is called: on {@code handOff} with at most {@code maxInFlight} calls
     * waiting or running there, or on the caller's thread when {@code handOff} is {@code null}.
     */
    ErrorsAreMissesKeyValueCache(KeyValueCache delegate, Duration timeout, LongSupplier nanoTime, Logger logger,
            Executor handOff, int maxInFlight) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeoutNanos = Ttl.toNanos(timeout);
        this.breaker = new CircuitBreaker(FAILURES_TO_OPEN, TimeUnit.MILLISECONDS.toNanos(OPEN_MILLIS), nanoTime);
        this.log = new RateLimitedLog(Objects.requireNonNull(logger, "logger"), nanoTime,
                TimeUnit.SECONDS.toNanos(LOG_INTERVAL_SECONDS), storeName(delegate));
        this.handOff = handOff;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        this.ready = CompletableFuture.completedFuture(null);
        GuardedStores.register(this);
    }

    /** The pool every wrapper of a store that may block hands its calls to, made on first use. */
    private static final class SharedPool {
        static final Executor POOL = StoreThreads.newPool("restdatasource-store");
    }

    /** The store's class name as the warnings show it: its simple name, or its full name when it has none. */
    private static String storeName(KeyValueCache store) {
        Class<?> type = store.getClass();
        return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    }

    /** Whether {@code store} says it never blocks its caller, so that it is called without a hand-off. */
    static boolean neverBlocks(KeyValueCache store) {
        return store.neverBlocksCaller();
    }

    /** The store this wrapper guards. */
    KeyValueCache delegate() {
        return delegate;
    }

    /** Whether the circuit breaker is open (or half-open), so that calls are answered without the delegate. */
    public boolean isOpen() {
        return breaker.isOpen();
    }

    /**
     * Wraps {@code delegate} as {@link #ErrorsAreMissesKeyValueCache(KeyValueCache, Duration)} does, and, while the
     * store's {@linkplain #warmUp warm-up} runs, does not wait for it: a store that may block starts cold (a member
     * still joining its cluster, a client still connecting, classes and connections not loaded yet), and its first
     * answers may take longer than the timeout. Until the warm-up read ends, or {@link StoreWarmUp#LIMIT} has passed,
     * every {@code get} is a miss at once, without a warning; a {@code set} (a background write no request waits for)
     * waits for the end of the warm-up and then goes to the store, at most {@value #MAX_IN_FLIGHT} of them (more are
     * skipped); {@code delete} (an invalidation) goes to the store as always. A store nobody started warming up is
     * called as by the plain wrapper.
     */
    public static ErrorsAreMissesKeyValueCache warmingUp(KeyValueCache delegate, Duration timeout) {
        ErrorsAreMissesKeyValueCache cache = new ErrorsAreMissesKeyValueCache(delegate, timeout);
        CompletableFuture<Void> warmUp = StoreWarmUp.of(delegate);
        return warmUp.isDone() ? cache : new ErrorsAreMissesKeyValueCache(cache, warmUp);
    }

    /** A copy of {@code cache} that skips reads and writes until {@code ready} completes. */
    private ErrorsAreMissesKeyValueCache(ErrorsAreMissesKeyValueCache cache, CompletableFuture<?> ready) {
        this.delegate = cache.delegate;
        this.timeoutNanos = cache.timeoutNanos;
        this.breaker = cache.breaker;
        this.log = cache.log;
        this.handOff = cache.handOff;
        this.maxInFlight = cache.maxInFlight;
        this.inFlight = cache.inFlight;
        this.ready = ready;
        GuardedStores.register(this);
    }

    /**
     * Starts warming {@code store} up unless it was already, without waiting: one read of a key nobody writes, on the
     * store pool, once per store object ({@link StoreWarmUp}); see {@link #warmingUp} for what the data sources do
     * meanwhile. The backends' CDI switch calls it when the application starts, right after creating the store, so
     * that the store's slow first answers are not paid by a request. A store that never blocks its caller (the
     * in-memory one) needs no warming up.
     */
    public static void warmUp(KeyValueCache store) {
        if (!neverBlocks(store)) {
            StoreWarmUp.start(store, SharedPool.POOL);
        }
    }

    @Override
    public CompletionStage<byte[]> get(String key) {
        return read(key, null);
    }

    @Override
    public CompletionStage<byte[]> get(String key, Consumer<StoreFailure> report) {
        return read(key, Objects.requireNonNull(report, "report"));
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl, Consumer<StoreFailure> report) {
        return write(key, value, ttl, Objects.requireNonNull(report, "report"));
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
        return write(key, value, ttl, null);
    }

    /** A read; while the store warms up, a miss at once without calling it (nothing failed: reported as a success). */
    private CompletionStage<byte[]> read(String key, Consumer<StoreFailure> report) {
        if (!ready.isDone()) {
            succeeded(report);
            return CompletableFuture.completedFuture(null);
        }
        return guarded("get", key, () -> delegate.get(key), null, report);
    }

    /** A write; while the store warms up, it waits for the end of the warm-up (at most {@code maxInFlight} do). */
    private CompletionStage<Void> write(String key, byte[] value, Duration ttl, Consumer<StoreFailure> report) {
        if (!ready.isDone()) {
            if (deferredWrites.incrementAndGet() > maxInFlight) {
                deferredWrites.decrementAndGet();
                succeeded(report);
                return CompletableFuture.completedFuture(null); // enough writes wait already: this one is skipped
            }
            return ready.thenCompose(warm -> {
                deferredWrites.decrementAndGet();
                return guarded("set", key, () -> delegate.set(key, value, ttl), null, report);
            });
        }
        return guarded("set", key, () -> delegate.set(key, value, ttl), null, report);
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return guarded("delete", key, () -> delegate.delete(key), Boolean.FALSE, null);
    }

    /**
     * Runs {@code call} guarded; {@code report}, when not null, is told once how it went (null for success) before the
     * returned stage completes.
     */
    private <T> CompletionStage<T> guarded(String operation, String key, Supplier<CompletionStage<T>> call, T fallback,
            Consumer<StoreFailure> report) {
        CircuitBreaker.Permit permit = breaker.acquire();
        if (permit == CircuitBreaker.Permit.REFUSED) {
            if (report != null) {
                report.accept(StoreFailure.CIRCUIT_OPEN);
            }
            return CompletableFuture.completedFuture(fallback);
        }
        Call what = new Call(operation, key);
        return handOff == null ? directly(what, permit, call, fallback, report)
                : handedOff(what, permit, call, fallback, report);
    }

    /** The operation and key of one call, for the warning when it fails. */
    private record Call(String operation, String key) {
    }

    /** Calls a delegate that never blocks on the caller's thread. */
    private <T> CompletionStage<T> directly(Call operation, CircuitBreaker.Permit permit,
            Supplier<CompletionStage<T>> call, T fallback, Consumer<StoreFailure> report) {
        CompletionStage<T> stage;
        try {
            stage = Objects.requireNonNull(call.get(), NULL_STAGE);
        } catch (VirtualMachineError fatal) {
            failed(operation, permit, fatal, report);
            throw fatal;
        } catch (RuntimeException | Error thrown) {
            failed(operation, permit, thrown, report);
            return CompletableFuture.completedFuture(fallback);
        }
        if (stage instanceof CompletableFuture<T> done && done.isDone() && !done.isCompletedExceptionally()) {
            breaker.onSuccess(); // the common case of a local store: answered already, nothing to guard
            succeeded(report);
            return CompletableFuture.completedFuture(done.join());
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        forward(stage, answer, operation, permit, fallback, report);
        return bounded(answer, operation, permit, fallback, report);
    }

    /** Calls a delegate that may block on a pool thread; the caller waits for the answer only up to the timeout. */
    private <T> CompletionStage<T> handedOff(Call operation, CircuitBreaker.Permit permit,
            Supplier<CompletionStage<T>> call, T fallback, Consumer<StoreFailure> report) {
        if (!inFlight.tryAcquire()) {
            failed(operation, permit, new RejectedExecutionException(
                    "all " + maxInFlight + " store calls allowed in flight are still waiting for the store"), report);
            return CompletableFuture.completedFuture(fallback);
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            handOff.execute(() -> callOnPool(call, answer, operation, permit, fallback, report));
        } catch (RejectedExecutionException full) {
            inFlight.release();
            failed(operation, permit, full, report);
            return CompletableFuture.completedFuture(fallback);
        }
        return bounded(answer, operation, permit, fallback, report);
    }

    /**
     * Runs on a pool thread. A call whose caller was already answered (it waited in the pool's queue past the timeout)
     * is dropped without calling the delegate, so a backed-up pool does not pile late work on a slow store. Any
     * throwable of the delegate is a failure (a miss); a {@link VirtualMachineError} is also rethrown so that the pool
     * thread ends and the JVM's uncaught-exception handler reports it.
     */
    private <T> void callOnPool(Supplier<CompletionStage<T>> call, CompletableFuture<T> answer, Call operation,
            CircuitBreaker.Permit permit, T fallback, Consumer<StoreFailure> report) {
        if (answer.isDone()) {
            inFlight.release();
            return;
        }
        CompletionStage<T> stage;
        try {
            stage = Objects.requireNonNull(call.get(), NULL_STAGE);
        } catch (Throwable thrown) {
            inFlight.release();
            if (settle(answer, fallback, report, failureOf(thrown))) {
                failed(operation, permit, thrown, null);
            }
            if (thrown instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return;
        }
        inFlight.release();
        forward(stage, answer, operation, permit, fallback, report);
    }

    /** Completes {@code answer} with the stage's value, or with {@code fallback} (counting a failure) when it fails. */
    private <T> void forward(CompletionStage<T> stage, CompletableFuture<T> answer, Call operation,
            CircuitBreaker.Permit permit, T fallback, Consumer<StoreFailure> report) {
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                if (settle(answer, value, report, null)) {
                    breaker.onSuccess();
                }
            } else if (settle(answer, fallback, report, failureOf(failure))) {
                failed(operation, permit, failure, null);
            }
        });
    }

    /**
     * Completes {@code answer} with {@code value} unless it is complete already; {@code report} (when not null) is
     * told {@code failure} first, so that it hears before the caller's stage completes. Returns whether this
     * completed it.
     */
    private static <T> boolean settle(CompletableFuture<T> answer, T value, Consumer<StoreFailure> report,
            StoreFailure failure) {
        if (report == null) {
            return answer.complete(value);
        }
        synchronized (answer) {
            if (answer.isDone()) {
                return false;
            }
            report.accept(failure);
            return answer.complete(value);
        }
    }

    /** {@code answer}, answered with {@code fallback} (counting a failure) when the timeout passes first. */
    private <T> CompletionStage<T> bounded(CompletableFuture<T> answer, Call operation, CircuitBreaker.Permit permit,
            T fallback, Consumer<StoreFailure> report) {
        if (answer.isDone()) {
            return answer;
        }
        if (report != null) {
            // The timer must go through settle too, so that report hears exactly once whichever completes first.
            CompletableFuture<T> timer = new CompletableFuture<>();
            timer.completeOnTimeout(null, timeoutNanos, TimeUnit.NANOSECONDS).thenRun(() -> {
                if (settle(answer, fallback, report, StoreFailure.TIMEOUT)) {
                    failed(operation, permit, new TimeoutException(), null);
                }
            });
            answer.whenComplete((value, failure) -> timer.complete(null));
            return answer;
        }
        return answer.orTimeout(timeoutNanos, TimeUnit.NANOSECONDS).handle((value, failure) -> {
            if (failure == null) {
                return value;
            }
            failed(operation, permit, failure, null);
            return fallback;
        });
    }

    /** Counts a failure and logs it (rate-limited); tells {@code report}, when not null, what kind it was. */
    private void failed(Call call, CircuitBreaker.Permit permit, Throwable failure, Consumer<StoreFailure> report) {
        boolean opened = breaker.onFailure(permit);
        log.warn(call, Failures.unwrap(failure), opened);
        if (report != null) {
            report.accept(failureOf(failure));
        }
    }

    private static void succeeded(Consumer<StoreFailure> report) {
        if (report != null) {
            report.accept(null);
        }
    }

    private static StoreFailure failureOf(Throwable failure) {
        return Failures.unwrap(failure) instanceof TimeoutException ? StoreFailure.TIMEOUT : StoreFailure.ERROR;
    }

    /** At most one WARNING line per interval; counts what it drops. Thread-safe. */
    private static final class RateLimitedLog {
        private final Logger logger;
        private final LongSupplier nanoTime;
        private final long intervalNanos;
        private boolean loggedBefore;
        private long lastLoggedAt;
        private long suppressed;
        private final String store;

        RateLimitedLog(Logger logger, LongSupplier nanoTime, long intervalNanos, String store) {
            this.logger = logger;
            this.nanoTime = nanoTime;
            this.intervalNanos = intervalNanos;
            this.store = store;
        }

        void warn(Call call, Throwable failure, boolean opened) {
            long dropped;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                if (loggedBefore && now - lastLoggedAt < intervalNanos) {
                    suppressed++;
                    return;
                }
                loggedBefore = true;
                lastLoggedAt = now;
                dropped = suppressed;
                suppressed = 0;
            }
            String what = failure instanceof TimeoutException ? "timed out" : "failed: " + describe(failure);
            logger.log(Level.WARNING, "KeyValueCache {0} {1}; answered as a miss{2} ({3} more failures not logged"
                    + " in the last {4} s) [store {5}, key {6}]", call.operation(), what,
                    opened ? "; circuit open for " + OPEN_MILLIS + " ms" : "", dropped, LOG_INTERVAL_SECONDS, store,
                    KeyFingerprints.of(call.key()));
        }

        /** {@code Class: message}, and the innermost cause the same way when there is one (bounded: 20 levels). */
        private static String describe(Throwable failure) {
            Throwable root = failure;
            for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
                root = root.getCause();
            }
            String text = failure.getClass().getName() + ": " + failure.getMessage();
            return root == failure
                    ? text
                    : text + " (cause: " + root.getClass().getName() + ": " + root.getMessage() + ")";
        }
    }
}

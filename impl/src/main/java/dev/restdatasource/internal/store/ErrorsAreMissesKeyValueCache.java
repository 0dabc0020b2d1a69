package dev.restdatasource.internal.store;

import dev.restdatasource.backend.Ttl;

import dev.restdatasource.cache.KeyValueCache;
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
 * <p>Failures are logged through {@link System.Logger} at {@code WARNING}, at most one line per
 * {@value #LOG_INTERVAL_SECONDS} s per instance; the line counts the failures not logged since the last one.
 *
 * <p>Thread-safety: safe for any number of threads if the delegate is. When the in-memory delegate's stage is
 * already complete the answer is returned without scheduling a timer; otherwise the stage may complete on the
 * delegate's thread, on a pool thread or on the JDK's {@link CompletableFuture} timer thread, so callers should not
 * run blocking work in dependent stages without an executor.
 *
 * <p>Nullness: a {@code null} key or value is passed to the delegate, whose failure becomes a miss like any
 * other; the returned stages never complete exceptionally.
 */
public final class ErrorsAreMissesKeyValueCache implements KeyValueCache {
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
                TimeUnit.SECONDS.toNanos(LOG_INTERVAL_SECONDS));
        this.handOff = handOff;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        GuardedStores.register(this);
    }

    /** The pool every wrapper of a store that may block hands its calls to, made on first use. */
    private static final class SharedPool {
        static final Executor POOL = StoreThreads.newPool("restdatasource-store");
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

    @Override
    public CompletionStage<byte[]> get(String key) {
        return guarded("get", () -> delegate.get(key), null);
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
        return guarded("set", () -> delegate.set(key, value, ttl), null);
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return guarded("delete", () -> delegate.delete(key), Boolean.FALSE);
    }

    private <T> CompletionStage<T> guarded(String operation, Supplier<CompletionStage<T>> call, T fallback) {
        CircuitBreaker.Permit permit = breaker.acquire();
        if (permit == CircuitBreaker.Permit.REFUSED) {
            return CompletableFuture.completedFuture(fallback);
        }
        return handOff == null ? directly(operation, permit, call, fallback) : handedOff(operation, permit, call, fallback);
    }

    /** Calls a delegate that never blocks on the caller's thread. */
    private <T> CompletionStage<T> directly(String operation, CircuitBreaker.Permit permit,
            Supplier<CompletionStage<T>> call, T fallback) {
        CompletionStage<T> stage;
        try {
            stage = Objects.requireNonNull(call.get(), NULL_STAGE);
        } catch (VirtualMachineError fatal) {
            failed(operation, permit, fatal);
            throw fatal;
        } catch (RuntimeException | Error thrown) {
            failed(operation, permit, thrown);
            return CompletableFuture.completedFuture(fallback);
        }
        if (stage instanceof CompletableFuture<T> done && done.isDone() && !done.isCompletedExceptionally()) {
            breaker.onSuccess(); // the common case of a local store: answered already, nothing to guard
            return CompletableFuture.completedFuture(done.join());
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        forward(stage, answer, operation, permit, fallback);
        return bounded(answer, operation, permit, fallback);
    }

    /** Calls a delegate that may block on a pool thread; the caller waits for the answer only up to the timeout. */
    private <T> CompletionStage<T> handedOff(String operation, CircuitBreaker.Permit permit,
            Supplier<CompletionStage<T>> call, T fallback) {
        if (!inFlight.tryAcquire()) {
            failed(operation, permit, new RejectedExecutionException(
                    "all " + maxInFlight + " store calls allowed in flight are still waiting for the store"));
            return CompletableFuture.completedFuture(fallback);
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            handOff.execute(() -> callOnPool(call, answer, operation, permit, fallback));
        } catch (RejectedExecutionException full) {
            inFlight.release();
            failed(operation, permit, full);
            return CompletableFuture.completedFuture(fallback);
        }
        return bounded(answer, operation, permit, fallback);
    }

    /**
     * Runs on a pool thread. A call whose caller was already answered (it waited in the pool's queue past the timeout)
     * is dropped without calling the delegate, so a backed-up pool does not pile late work on a slow store. Any
     * throwable of the delegate is a failure (a miss); a {@link VirtualMachineError} is also rethrown so that the pool
     * thread ends and the JVM's uncaught-exception handler reports it.
     */
    private <T> void callOnPool(Supplier<CompletionStage<T>> call, CompletableFuture<T> answer, String operation,
            CircuitBreaker.Permit permit, T fallback) {
        if (answer.isDone()) {
            inFlight.release();
            return;
        }
        CompletionStage<T> stage;
        try {
            stage = Objects.requireNonNull(call.get(), NULL_STAGE);
        } catch (Throwable thrown) {
            inFlight.release();
            if (answer.complete(fallback)) {
                failed(operation, permit, thrown);
            }
            if (thrown instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return;
        }
        inFlight.release();
        forward(stage, answer, operation, permit, fallback);
    }

    /** Completes {@code answer} with the stage's value, or with {@code fallback} (counting a failure) when it fails. */
    private <T> void forward(CompletionStage<T> stage, CompletableFuture<T> answer, String operation,
            CircuitBreaker.Permit permit, T fallback) {
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                if (answer.complete(value)) {
                    breaker.onSuccess();
                }
            } else if (answer.complete(fallback)) {
                failed(operation, permit, failure);
            }
        });
    }

    /** {@code answer}, answered with {@code fallback} (counting a failure) when the timeout passes first. */
    private <T> CompletionStage<T> bounded(CompletableFuture<T> answer, String operation, CircuitBreaker.Permit permit,
            T fallback) {
        if (answer.isDone()) {
            return answer;
        }
        return answer.orTimeout(timeoutNanos, TimeUnit.NANOSECONDS).handle((value, failure) -> {
            if (failure == null) {
                return value;
            }
            failed(operation, permit, failure);
            return fallback;
        });
    }

    private void failed(String operation, CircuitBreaker.Permit permit, Throwable failure) {
        boolean opened = breaker.onFailure(permit);
        log.warn(operation, Failures.unwrap(failure), opened);
    }

    /** At most one WARNING line per interval; counts what it drops. Thread-safe. */
    private static final class RateLimitedLog {
        private final Logger logger;
        private final LongSupplier nanoTime;
        private final long intervalNanos;
        private boolean loggedBefore;
        private long lastLoggedAt;
        private long suppressed;

        RateLimitedLog(Logger logger, LongSupplier nanoTime, long intervalNanos) {
            this.logger = logger;
            this.nanoTime = nanoTime;
            this.intervalNanos = intervalNanos;
        }

        void warn(String operation, Throwable failure, boolean opened) {
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
                    + " in the last {4} s)", operation, what,
                    opened ? "; circuit open for " + OPEN_MILLIS + " ms" : "", dropped, LOG_INTERVAL_SECONDS);
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

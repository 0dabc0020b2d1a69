package dev.restdatasource.internal.restclient;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor of a data-source Rest Client's asynchronous ({@code CompletionStage}) methods: each task runs with the
 * {@link CallContext} and the context class loader of the thread that submitted it, so the pipeline filter finds the
 * GraphQL request's data source and the incoming request's context even where the Rest Client runtime skips
 * {@code AsyncInvocationInterceptor}s (RESTEasy 6.2 on WildFly runs such calls on the given executor and then applies
 * no interceptor). The runtime uses it only for interfaces without a {@link SynchronousTwin}; the twin's calls are
 * made the same way ({@link #contextual}) and run on the same pool ({@link #submit}) by the proxy itself.
 *
 * <p>The tasks run on a pool of the library's own (see {@link Pool}): a few daemon threads named
 * {@code restdatasource-rest-client-N}, plus one more for each task that waits for an upstream answer, up to
 * {@value #MAX_THREADS}; no task is ever refused. Not on the server's managed executor: on Open Liberty that executor
 * also runs the HTTP requests, so GraphQL requests waiting for the stages of their own calls held the very threads
 * those calls were queued for (20 concurrent calls per query under load stalled the server until Liberty added
 * threads). The calls need no container context there: the {@link CallContext} carries the data source and the
 * incoming request's context, and the class loader is set; a user's client filter that needs the container's naming
 * context on such a call does not have it. This executor does not own the pool: {@link #shutdown()} only stops it
 * from taking new tasks. Thread-safe.
 */
final class CallContextExecutor extends AbstractExecutorService {
    /** Most threads of the pool, for every data-source Rest Client of the application. */
    static final int MAX_THREADS = 256;
    /** How long an idle thread of the pool lives. */
    static final int IDLE_SECONDS = 60;

    private final ExecutorService delegate;
    private volatile boolean shutdown;

    private CallContextExecutor(ExecutorService delegate) {
        this.delegate = delegate;
    }

    /** Returns an executor over the library's shared pool. */
    static CallContextExecutor create() {
        return new CallContextExecutor(Pool.EXECUTOR);
    }

    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        CallContext context = CallContext.current();
        Once once = contextual(context, task);
        if (context != null) {
            context.submitted(once);
        }
        delegate.execute(once);
    }

    /**
     * Returns a task that runs {@code task} once, with {@code context} (when not null) and the calling thread's
     * context class loader.
     */
    static Once contextual(CallContext context, Runnable task) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new Once(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previousLoader = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try (CallContext.Scope ignored = context != null ? CallContext.enter(context) : () -> { }) {
                task.run();
            } finally {
                thread.setContextClassLoader(previousLoader);
            }
        });
    }

    /** Runs {@code task} on the library's shared pool (see {@link Pool}). */
    static void submit(Once task) {
        Pool.EXECUTOR.execute(task);
    }

    /**
     * A task that runs at most once: on the pool, or earlier on a thread that waits for its result (see
     * {@link CallerRunsFuture}), whichever takes it first. Thread-safe.
     */
    static final class Once implements Runnable {
        private final AtomicBoolean taken = new AtomicBoolean();
        private final Runnable task;

        Once(Runnable task) {
            this.task = task;
        }

        /** Runs the task here unless a thread took it already. */
        @Override
        public void run() {
            if (taken.compareAndSet(false, true)) {
                task.run();
            }
        }
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }

    /**
     * The shared pool, created on first use: a {@link ForkJoinPool} keeping {@link #parallelism()} threads running,
     * whose thread blocked in {@code CompletableFuture.get()} or {@code join()} (the pipeline filter waiting for an
     * upstream answer) is made up for by another thread, up to {@value #MAX_THREADS}; past that a task waits. So a
     * burst of cache hits runs on a few threads, one after another, while calls waiting for the network still run
     * side by side. Threads end after {@value #IDLE_SECONDS} s without work.
     */
    static final class Pool {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService EXECUTOR = create(parallelism(), MAX_THREADS, IDLE_SECONDS, TimeUnit.SECONDS);

        private Pool() {
        }

        /** The threads kept running: the processors, at least 4, so that a task blocking otherwise holds few. */
        static int parallelism() {
            return Math.max(4, Runtime.getRuntime().availableProcessors());
        }

        private static ForkJoinPool create(int parallelism, int maxThreads, long idle, TimeUnit unit) {
            ForkJoinPool.ForkJoinWorkerThreadFactory threads = pool -> {
                ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                thread.setName("restdatasource-rest-client-" + COUNT.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            // asyncMode: tasks run in the order submitted; saturated: a blocked thread waits rather than failing
            return new ForkJoinPool(parallelism, threads, null, true, 0, maxThreads, 1, pool -> true, idle, unit);
        }
    }
}

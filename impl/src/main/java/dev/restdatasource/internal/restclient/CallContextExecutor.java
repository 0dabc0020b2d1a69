package dev.restdatasource.internal.restclient;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor of a data-source Rest Client's asynchronous ({@code CompletionStage}) methods: each task runs with the
 * {@link CallContext} and the context class loader of the thread that submitted it, so the pipeline filter finds the
 * GraphQL request's data source and the incoming request's context even where the Rest Client runtime skips
 * {@code AsyncInvocationInterceptor}s (RESTEasy 6.2 on WildFly runs such calls on the given executor and then applies
 * no interceptor).
 *
 * <p>The tasks run on a pool of the library's own: at most {@value #MAX_THREADS} daemon threads named
 * {@code restdatasource-rest-client-N}, each ending after {@value #IDLE_SECONDS} s without work, and an unbounded
 * queue beyond them, so no task is ever refused. Not on the server's managed executor: on Open Liberty that
 * executor also runs the HTTP requests, so a GraphQL request blocked on its own calls' stages held the very threads
 * those calls waited for (20 concurrent calls per query under load starved it; requests stalled for seconds until
 * Liberty added threads). The calls need no container context there: the {@link CallContext} carries the data source
 * and the request's context, and the class loader is set. This executor does not own the pool:
 * {@link #shutdown()} only stops it from taking new tasks. Thread-safe.
 */
final class CallContextExecutor extends AbstractExecutorService {
    /** Most threads running data-source Rest Client calls at once, for every client of the application. */
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
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        delegate.execute(() -> {
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
     * The shared pool, created on first use: a task goes to an idle thread when there is one, else to a new thread
     * while there are fewer than {@value #MAX_THREADS}, else waits in the queue; threads end after
     * {@value #IDLE_SECONDS} s without work.
     */
    static final class Pool {
        private static final AtomicInteger COUNT = new AtomicInteger();
        private static final ThreadFactory THREADS = runnable -> {
            Thread thread = new Thread(runnable, "restdatasource-rest-client-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        static final ExecutorService EXECUTOR = create(MAX_THREADS, IDLE_SECONDS, TimeUnit.SECONDS, THREADS);

        private Pool() {
        }

        /** Returns a pool of up to {@code maxThreads} threads that prefers idle threads, then new ones, then queues. */
        static ThreadPoolExecutor create(int maxThreads, long idle, TimeUnit unit, ThreadFactory threads) {
            IdleFirstQueue queue = new IdleFirstQueue();
            return new ThreadPoolExecutor(0, maxThreads, idle, unit, queue, threads,
                    (task, full) -> queue.enqueue(task)); // every thread busy and none may be added: wait
        }
    }

    /**
     * A queue that takes a task only when an idle thread is waiting for one, so that the pool starts a new thread
     * rather than queueing while it may; the pool's rejection handler queues for real once it may not.
     */
    private static final class IdleFirstQueue extends LinkedTransferQueue<Runnable> {
        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }
}

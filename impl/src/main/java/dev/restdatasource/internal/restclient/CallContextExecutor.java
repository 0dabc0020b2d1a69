package dev.restdatasource.internal.restclient;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The executor of a data-source Rest Client's asynchronous ({@code CompletionStage}) methods: each task runs with the
 * {@link CallContext} and the context class loader of the thread that submitted it, so the pipeline filter finds the
 * GraphQL request's data source even where the Rest Client runtime skips {@code AsyncInvocationInterceptor}s (RESTEasy
 * 6.2 on WildFly runs such calls on the server's managed executor and then applies no interceptor).
 *
 * <p>The tasks run on the application's {@code java:comp/DefaultManagedExecutorService} when there is one (Jakarta
 * Concurrency), else on a shared pool of daemon threads. This executor does not own them: {@link #shutdown()} only
 * stops it from taking new tasks. Thread-safe.
 */
final class CallContextExecutor extends AbstractExecutorService {
    private static final String DEFAULT_MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private final ExecutorService delegate;
    private volatile boolean shutdown;

    private CallContextExecutor(ExecutorService delegate) {
        this.delegate = delegate;
    }

    /** Returns an executor over the default managed executor, looked up now, or over the shared fallback pool. */
    static CallContextExecutor create() {
        return new CallContextExecutor(managedExecutor());
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

    private static ExecutorService managedExecutor() {
        try {
            Object found = new InitialContext().lookup(DEFAULT_MANAGED_EXECUTOR);
            if (found instanceof ExecutorService executor) {
                return executor;
            }
        } catch (NamingException | RuntimeException e) {
            // no JNDI or no Jakarta Concurrency (e.g. Weld SE, a server without the feature): the fallback pool
        }
        return FallbackPool.EXECUTOR;
    }

    /** A cached pool of daemon threads, created on first use only. */
    private static final class FallbackPool {
        private static final AtomicInteger COUNT = new AtomicInteger();
        private static final ThreadFactory THREADS = runnable -> {
            Thread thread = new Thread(runnable, "restdatasource-rest-client-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(THREADS);
    }
}

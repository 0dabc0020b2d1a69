package dev.restdatasource.internal.restclient;

import dev.restdatasource.DataSourceContext;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.internal.servlet.ServletDataSourceContext;

/**
 * One call of a Rest Client method made through a {@code @DataSource} proxy: the data source chosen on the
 * calling thread (where the GraphQL request scope is active) and the error of its last error response. Reaches the
 * client's providers through a thread-local that the proxy sets around the call and that
 * {@link CallContextPropagation} carries to the thread running an asynchronous call; entering it also makes
 * {@link ServletDataSourceContext} answer from the captured copy on that thread. For an asynchronous call it also
 * holds a copy of the incoming request's context taken on the calling thread, because request filters then run
 * where the request scope is not active (see {@link ServletDataSourceContext#snapshot()}).
 */
final class CallContext {
    private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

    private final RestClientDataSource source;
    private final DataSourceContext captured;
    private volatile DataSourceException lastError;
    /** The one task the Rest Client runtime handed to {@link CallContextExecutor} for this call, or null. */
    private volatile CallContextExecutor.Once task;
    private volatile boolean severalTasks;

    CallContext(RestClientDataSource source) {
        this(source, null);
    }

    /** @param captured the incoming request's context copied on the calling thread, or null */
    CallContext(RestClientDataSource source, DataSourceContext captured) {
        this.source = source;
        this.captured = captured;
    }

    /** Returns the context of the call running on this thread, or null. */
    static CallContext current() {
        return CURRENT.get();
    }

    /** Makes {@code context} current until the returned scope is closed, which restores the previous one. */
    static Scope enter(CallContext context) {
        CallContext previous = CURRENT.get();
        CURRENT.set(context);
        ServletDataSourceContext.SnapshotScope snapshot = ServletDataSourceContext.answerFrom(context.captured());
        return () -> {
            snapshot.close();
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    RestClientDataSource source() {
        return source;
    }

    /** Returns the context copied on the calling thread for an asynchronous call, or null. */
    DataSourceContext captured() {
        return captured;
    }

    DataSourceException lastError() {
        return lastError;
    }

    void lastError(DataSourceException error) {
        this.lastError = error;
    }

    /** Records a task the runtime handed to the executor while this context was current. */
    void submitted(CallContextExecutor.Once submitted) {
        if (task == null && !severalTasks) {
            task = submitted;
        } else {
            severalTasks = true;
        }
    }

    /**
     * Returns the task that carries out this call when the runtime handed exactly one to the executor, else null
     * (then nothing but the pool runs it).
     */
    CallContextExecutor.Once task() {
        return severalTasks ? null : task;
    }

    /** Ends a {@link #enter}; never throws. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}

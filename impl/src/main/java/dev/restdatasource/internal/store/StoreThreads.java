package dev.restdatasource.internal.store;

import dev.restdatasource.internal.concurrent.DaemonThreads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounded pools of daemon threads for store calls that may block, so that a request thread never waits for a store.
 *
 * <p>Each pool has at most {@value #MAX_THREADS} threads and at most {@value #MAX_QUEUED} waiting tasks; a task
 * beyond both is refused with a {@link java.util.concurrent.RejectedExecutionException} (the caller answers a
 * miss), never queued without bound. Idle threads end after {@value #IDLE_SECONDS} s, so an idle pool holds no
 * thread. The threads are daemons: a store that never answers does not keep the JVM alive.
 *
 * <p>Thread-safe. Internal: only restdatasource-impl uses it.
 */
public final class StoreThreads {
    static final int MAX_THREADS = 64;
    static final int MAX_QUEUED = 1024;
    static final long IDLE_SECONDS = 30;

    private StoreThreads() {
    }

    /** A new bounded pool whose threads are named {@code name-1}, {@code name-2}, and so on. */
    public static ExecutorService newPool(String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, IDLE_SECONDS, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED), DaemonThreads.named(name), new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}

package dev.restdatasource.internal.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The factory of every thread pool the library starts: daemon threads (a call that never ends does not keep the JVM
 * alive) named {@code <name>-1}, {@code <name>-2}, and so on, so a thread dump tells which pool they belong to.
 * Stateless apart from each factory's counter; thread-safe.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** A factory of daemon threads named {@code name-N}, numbered from 1. */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

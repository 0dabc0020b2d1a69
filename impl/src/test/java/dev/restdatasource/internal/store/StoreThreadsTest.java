package dev.restdatasource.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pool is bounded in threads and in waiting tasks, refuses beyond both, and its threads are named daemons. */
class StoreThreadsTest {
    @Test
    void refusesATaskBeyondItsThreadsAndItsQueue() throws Exception {
        ExecutorService pool = StoreThreads.newPool("test-store");
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < StoreThreads.MAX_THREADS + StoreThreads.MAX_QUEUED; i++) {
                pool.execute(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
            release.countDown();
            Future<Thread> ran = submitOnceThereIsRoom(pool);
            Thread thread = ran.get(30, TimeUnit.SECONDS);
            assertTrue(thread.isDaemon());
            assertTrue(thread.getName().startsWith("test-store-"), thread.getName());
        } finally {
            release.countDown();
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(true, pool.isShutdown());
    }

    /** The released tasks drain in the background; until they do, the full queue may still refuse (30 s deadline). */
    private static Future<Thread> submitOnceThereIsRoom(ExecutorService pool) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return pool.submit(Thread::currentThread);
            } catch (RejectedExecutionException full) {
                if (System.nanoTime() - deadline > 0) {
                    throw full;
                }
                Thread.sleep(10);
            }
        }
    }
}

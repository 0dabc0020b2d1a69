package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A thread waiting for an asynchronous call's stage runs the call itself when no pool thread has taken it. */
class CallerRunsFutureTest {
    @Test
    void joinRunsAnUntakenCallOnTheWaitingThreadOnce() {
        CompletableFuture<String> runtime = new CompletableFuture<>();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicInteger runs = new AtomicInteger();
        CallContextExecutor.Once call = new CallContextExecutor.Once(() -> {
            runs.incrementAndGet();
            ranOn.set(Thread.currentThread());
            runtime.complete("answer");
        });
        CallerRunsFuture<String> future = CallerRunsFuture.of(runtime, call);
        assertEquals("answer", future.join());
        assertSame(Thread.currentThread(), ranOn.get());
        call.run(); // the pool thread coming later
        assertEquals(1, runs.get());
    }

    @Test
    void getRunsItToo() throws Exception {
        CompletableFuture<String> runtime = new CompletableFuture<>();
        CallerRunsFuture<String> future = CallerRunsFuture.of(runtime,
                new CallContextExecutor.Once(() -> runtime.complete("answer")));
        assertEquals("answer", future.get());
    }

    @Test
    void aCallTakenByThePoolIsWaitedFor() throws Exception {
        CompletableFuture<String> runtime = new CompletableFuture<>();
        AtomicInteger runs = new AtomicInteger();
        CallContextExecutor.Once call = new CallContextExecutor.Once(runs::incrementAndGet);
        call.run(); // taken: it will complete the stage from elsewhere
        CallerRunsFuture<String> future = CallerRunsFuture.of(runtime, call);
        CompletableFuture.runAsync(() -> runtime.complete("later"));
        assertEquals("later", future.get(10, TimeUnit.SECONDS));
        assertEquals("later", future.join());
        assertEquals(1, runs.get());
    }

    @Test
    void aFailureIsThrownAsTheRuntimeStageWouldThrowIt() {
        CompletableFuture<String> runtime = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("mapped");
        CallerRunsFuture<String> future = CallerRunsFuture.of(runtime,
                new CallContextExecutor.Once(() -> runtime.completeExceptionally(failure)));
        CompletionException thrown = assertThrows(CompletionException.class, future::join);
        assertSame(failure, thrown.getCause());
        ExecutionException viaGet = assertThrows(ExecutionException.class, future::get);
        assertSame(failure, viaGet.getCause());
    }
}

package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.internal.bridge.Failures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The executor given to data-source Rest Clients carries the submitting thread's {@link CallContext} itself, as WildFly's
 * RESTEasy runs asynchronous calls without the {@code AsyncInvocationInterceptor}s.
 */
class CallContextExecutorTest {
    @Test
    void aTaskSeesTheCallContextOfTheThreadThatSubmittedIt() throws Exception {
        CallContextExecutor executor = CallContextExecutor.create();
        CallContext context = new CallContext(new RestClientDataSource("movies", DataSourceConfig.defaults()));
        CompletableFuture<CallContext> seen = new CompletableFuture<>();
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        try (CallContext.Scope ignored = CallContext.enter(context)) {
            executor.execute(() -> {
                ranOn.complete(Thread.currentThread());
                seen.complete(CallContext.current());
            });
        }
        assertSame(context, seen.get(5, TimeUnit.SECONDS));
        assertNotSame(Thread.currentThread(), ranOn.get());
    }

    @Test
    void aTaskSubmittedOutsideACallHasNone() throws Exception {
        CompletableFuture<CallContext> seen = new CompletableFuture<>();
        CallContextExecutor.create().execute(() -> seen.complete(CallContext.current()));
        assertNull(seen.get(5, TimeUnit.SECONDS));
    }

    @Test
    void shutdownOnlyStopsThisView() throws Exception {
        CallContextExecutor first = CallContextExecutor.create();
        first.shutdown();
        assertThrows(RejectedExecutionException.class, () -> first.execute(() -> { }));
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        CallContextExecutor.create().execute(() -> ran.complete(true));
        assertSame(Boolean.TRUE, ran.get(5, TimeUnit.SECONDS));
    }

    @Test
    void tasksWaitingForAnAnswerDoNotHoldBackTheOthers() throws Exception {
        CallContextExecutor executor = CallContextExecutor.create();
        CompletableFuture<Void> answer = new CompletableFuture<>();
        int waiting = CallContextExecutor.Pool.parallelism() + 4;
        CountDownLatch started = new CountDownLatch(waiting);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < waiting; i++) {
            CompletableFuture<Void> finished = new CompletableFuture<>();
            done.add(finished);
            executor.execute(() -> {
                started.countDown();
                Failures.join(answer); // as the pipeline filter waits for an upstream answer
                finished.complete(null);
            });
        }
        assertTrue(started.await(30, TimeUnit.SECONDS), "every waiting task got a thread");
        CompletableFuture<Boolean> another = new CompletableFuture<>();
        executor.execute(() -> another.complete(true));
        assertSame(Boolean.TRUE, another.get(30, TimeUnit.SECONDS));
        answer.complete(null);
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theThreadsAreDaemonsOfTheLibrary() throws Exception {
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        CallContextExecutor.create().execute(() -> ranOn.complete(Thread.currentThread()));
        Thread thread = ranOn.get(5, TimeUnit.SECONDS);
        assertTrue(thread.isDaemon());
        assertTrue(thread.getName().startsWith("restdatasource-rest-client-"), thread.getName());
    }
}

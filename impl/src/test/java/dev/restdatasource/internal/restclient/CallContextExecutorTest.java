package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restdatasource.DataSourceConfig;
import java.util.concurrent.CompletableFuture;
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
}

package dev.restdatasource.internal.bridge;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The one rule for CompletionException and ExecutionException wrappers, used by the api and the implementation. */
class FailuresTest {
    @Test
    void unwrapFindsTheFailureInsideNestedCompletionAndExecutionExceptions() {
        IllegalStateException failure = new IllegalStateException("boom");
        assertSame(failure, Failures.unwrap(failure));
        assertSame(failure, Failures.unwrap(new CompletionException(failure)));
        assertSame(failure, Failures.unwrap(new ExecutionException(failure)));
        assertSame(failure, Failures.unwrap(new CompletionException(new ExecutionException(new CompletionException(failure)))));
        assertNull(Failures.unwrap(null));
    }

    @Test
    void unwrapKeepsAWrapperWithoutCauseAndStopsAtOtherExceptions() {
        CompletionException empty = new CompletionException("no cause", null);
        assertSame(empty, Failures.unwrap(empty));
        RuntimeException other = new RuntimeException(new CompletionException(new IOException()));
        assertSame(other, Failures.unwrap(new CompletionException(other)));
    }

    @Test
    void joinReturnsTheValue() {
        assertSame("value", Failures.join(CompletableFuture.completedFuture("value")));
    }

    @Test
    void joinThrowsUncheckedFailuresAsTheyAre() {
        IllegalStateException failure = new IllegalStateException("boom");
        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> Failures.join(CompletableFuture.failedFuture(new CompletionException(failure)))));
        AssertionError error = new AssertionError("bug");
        assertSame(error, assertThrows(AssertionError.class, () -> Failures.join(CompletableFuture.failedFuture(error))));
    }

    @Test
    void joinThrowsACheckedFailureInACompletionException() {
        IOException failure = new IOException("io");
        CompletionException thrown = assertThrows(CompletionException.class,
                () -> Failures.join(CompletableFuture.failedFuture(failure)));
        assertSame(failure, thrown.getCause());
    }

    @Test
    void joinKeepsTheInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            CompletionException thrown = assertThrows(CompletionException.class,
                    () -> Failures.join(new CompletableFuture<>()));
            assertTrue(thrown.getCause() instanceof InterruptedException);
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}

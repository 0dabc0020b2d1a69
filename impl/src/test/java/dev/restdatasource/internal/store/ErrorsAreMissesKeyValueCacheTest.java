package dev.restdatasource.internal.store;

import dev.restdatasource.internal.support.MutableClock;

import dev.restdatasource.store.TestStores;

import dev.restdatasource.store.InMemoryKeyValueCache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.cache.KeyValueCache;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Get, set and delete failures and timeouts never reach the caller; Apollo's {@code ErrorsAreMissesCache} covers
 * {@code get} only (§14.12).
 */
class ErrorsAreMissesKeyValueCacheTest {
    private static final Duration TIMEOUT = Duration.ofMillis(50);

    enum Mode { HEALTHY, FAILED_STAGE, THROWS, NEVER_COMPLETES }

    private final MutableClock time = new MutableClock();
    private final ScriptedStore store = new ScriptedStore(time);
    private final CapturingLogger logger = new CapturingLogger();
    private final ErrorsAreMissesKeyValueCache cache = handedOffInline();

    /** The hand-off runs the delegate at once on the calling thread, so the answers here need no waiting. */
    private ErrorsAreMissesKeyValueCache handedOffInline() {
        return handedOffInline(store);
    }

    private ErrorsAreMissesKeyValueCache handedOffInline(KeyValueCache delegate) {
        return new ErrorsAreMissesKeyValueCache(delegate, TIMEOUT, time::nanoTime, logger, Runnable::run,
                ErrorsAreMissesKeyValueCache.MAX_IN_FLIGHT);
    }

    private static <T> T within(Duration limit, CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stage did not complete normally within " + limit, e);
        }
    }

    private static <T> T atOnce(CompletionStage<T> stage) {
        assertTrue(stage.toCompletableFuture().isDone(), "answered without waiting");
        return stage.toCompletableFuture().join();
    }

    private void failTimes(int n) {
        store.mode = Mode.FAILED_STAGE;
        for (int i = 0; i < n; i++) {
            assertNull(atOnce(cache.get("k")));
        }
    }

    @Test
    void healthyStoreAnswersPassThrough() {
        atOnce(cache.set("k", new byte[] {1}, null));
        assertArrayEquals(new byte[] {1}, atOnce(cache.get("k")));
        assertTrue(atOnce(cache.delete("k")));
        assertEquals(List.of(), logger.lines);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"FAILED_STAGE", "THROWS"})
    void failedStageOrSynchronousThrowBecomesMissNoOpOrFalse(Mode failure) {
        store.mode = failure;
        assertNull(atOnce(cache.get("k")));
        assertNull(atOnce(cache.set("k", new byte[] {1}, null)));
        assertFalse(atOnce(cache.delete("k")));
    }

    @Test
    void stageThatNeverCompletesBecomesMissWithinTheTimeout() {
        store.mode = Mode.NEVER_COMPLETES;
        long start = System.nanoTime();
        assertNull(within(Duration.ofSeconds(5), cache.get("k")));
        assertNull(within(Duration.ofSeconds(5), cache.set("k", new byte[] {1}, null)));
        assertFalse(within(Duration.ofSeconds(5), cache.delete("k")));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMillis >= 3 * TIMEOUT.toMillis() - 5, "each call waited for its timeout: " + tookMillis + " ms");
        assertTrue(tookMillis < 3_000, "the timeout, not the delegate, ended each call: " + tookMillis + " ms");
    }

    @Test
    void lateAnswerWithinTheTimeoutIsReturned() {
        CompletableFuture<byte[]> late = new CompletableFuture<>();
        KeyValueCache slow = new ScriptedStore(time) {
            @Override
            public CompletionStage<byte[]> get(String key) {
                return late;
            }
        };
        CompletionStage<byte[]> answer = new ErrorsAreMissesKeyValueCache(slow, Duration.ofSeconds(5)).get("k");
        late.complete(new byte[] {9});
        assertArrayEquals(new byte[] {9}, within(Duration.ofSeconds(5), answer));
    }

    @Test
    void nullStageFromTheDelegateIsAFailure() {
        KeyValueCache broken = new ScriptedStore(time) {
            @Override
            public CompletionStage<byte[]> get(String key) {
                return null;
            }
        };
        assertNull(atOnce(handedOffInline(broken).get("k")));
    }

    @Test
    void breakerOpensAfterFiveConsecutiveFailures() {
        failTimes(4);
        assertFalse(cache.isOpen());
        failTimes(1);
        assertTrue(cache.isOpen());
    }

    @Test
    void successBeforeTheFifthFailureResetsTheCount() {
        failTimes(4);
        store.mode = Mode.HEALTHY;
        atOnce(cache.get("k"));
        failTimes(4);
        assertFalse(cache.isOpen());
    }

    @Test
    void openBreakerAnswersAtOnceWithoutCallingTheDelegate() {
        failTimes(5);
        store.mode = Mode.NEVER_COMPLETES;
        int callsBefore = store.calls.get();
        assertNull(atOnce(cache.get("k")));
        assertNull(atOnce(cache.set("k", new byte[] {1}, null)));
        assertFalse(atOnce(cache.delete("k")));
        assertEquals(callsBefore, store.calls.get(), "the delegate is not called while open");
    }

    @Test
    void afterOneSecondOneTrialCallGoesThroughAndItsSuccessClosesTheBreaker() {
        failTimes(5);
        time.advance(Duration.ofMillis(999));
        store.mode = Mode.HEALTHY;
        int callsBefore = store.calls.get();
        atOnce(cache.get("k"));
        assertEquals(callsBefore, store.calls.get(), "still open before 1 s");
        time.advance(Duration.ofMillis(1));
        atOnce(cache.set("k", new byte[] {5}, null));
        assertEquals(callsBefore + 1, store.calls.get(), "the trial call reached the delegate");
        assertFalse(cache.isOpen(), "a successful trial closes the breaker");
        assertArrayEquals(new byte[] {5}, atOnce(cache.get("k")));
    }

    @Test
    void whileTheTrialIsInFlightOtherCallsAreStillRefused() {
        failTimes(5);
        time.advance(Duration.ofSeconds(1));
        CompletableFuture<byte[]> trial = new CompletableFuture<>();
        store.pending = trial;
        store.mode = Mode.NEVER_COMPLETES;
        CompletionStage<byte[]> trialAnswer = cache.get("k");
        int callsAfterTrial = store.calls.get();
        assertNull(atOnce(cache.get("other")));
        assertEquals(callsAfterTrial, store.calls.get(), "only one trial at a time");
        trial.complete(new byte[] {3});
        assertArrayEquals(new byte[] {3}, within(Duration.ofSeconds(5), trialAnswer));
        assertFalse(cache.isOpen());
    }

    @Test
    void failedTrialKeepsTheBreakerOpenForAnotherSecond() {
        failTimes(5);
        time.advance(Duration.ofSeconds(1));
        int callsBefore = store.calls.get();
        assertNull(atOnce(cache.get("k")));
        assertEquals(callsBefore + 1, store.calls.get(), "the trial was made");
        assertTrue(cache.isOpen());
        time.advance(Duration.ofMillis(500));
        atOnce(cache.get("k"));
        assertEquals(callsBefore + 1, store.calls.get(), "refused again after the failed trial");
        time.advance(Duration.ofMillis(500));
        store.mode = Mode.HEALTHY;
        atOnce(cache.get("k"));
        assertFalse(cache.isOpen());
    }

    @Test
    void aLoggedFailureNamesItsInnermostCause() {
        store.mode = Mode.FAILED_STAGE;
        atOnce(cache.get("a"));
        assertEquals(1, logger.lines.size(), logger.lines.toString());
        assertTrue(logger.lines.get(0).startsWith("WARNING KeyValueCache get failed: java.lang.IllegalStateException:"
                + " store down (cause: java.net.ConnectException: refused); answered as a miss"), logger.lines.get(0));
    }

    @Test
    void aLoggedFailureNamesTheStoreAndAFingerprintOfTheKeyNeverTheKey() {
        store.mode = Mode.FAILED_STAGE;
        String key = "httpcache:GET https://api.example/users/42?token=secret";
        atOnce(cache.get(key));
        String line = logger.lines.get(0);
        assertTrue(line.endsWith("[store ScriptedStore, key " + KeyFingerprints.of(key) + "]"), line);
        assertFalse(line.contains("users/42") || line.contains("secret"), line);
    }

    @Test
    void failuresAreLoggedAtMostOncePerTenSecondsWithTheSuppressedCount() {
        store.mode = Mode.THROWS;
        atOnce(cache.get("a"));
        atOnce(cache.delete("b"));
        atOnce(cache.set("c", new byte[0], null));
        assertEquals(1, logger.lines.size(), logger.lines.toString());
        assertTrue(logger.lines.get(0).startsWith("WARNING KeyValueCache get failed: java.lang.IllegalStateException:"
                + " store down; answered as a miss (0 more"), logger.lines.get(0));
        time.advance(Duration.ofSeconds(10));
        atOnce(cache.get("d"));
        assertEquals(2, logger.lines.size(), logger.lines.toString());
        assertTrue(logger.lines.get(1).contains("(2 more failures not logged in the last 10 s)"), logger.lines.get(1));
    }

    @Test
    void openingTheBreakerIsLogged() {
        ErrorsAreMissesKeyValueCache quiet = handedOffInline();
        store.mode = Mode.FAILED_STAGE;
        for (int i = 0; i < 4; i++) {
            atOnce(quiet.get("k"));
            time.advance(Duration.ofSeconds(10));
        }
        atOnce(quiet.get("k"));
        assertTrue(logger.lines.get(4).contains("circuit open for 1000 ms"), logger.lines.get(4));
    }

    @Test
    void nonPositiveTimeoutIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ErrorsAreMissesKeyValueCache(store, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> new ErrorsAreMissesKeyValueCache(store, null));
    }

    /** A store whose failures are chosen by the test; healthy mode is an in-memory store. */
    private static class ScriptedStore implements KeyValueCache {
        final AtomicInteger calls = new AtomicInteger();
        final InMemoryKeyValueCache healthy;
        volatile Mode mode = Mode.HEALTHY;
        volatile CompletableFuture<?> pending;

        ScriptedStore(MutableClock time) {
            healthy = TestStores.inMemory(1 << 20, time::nanoTime);
        }

        @SuppressWarnings("unchecked")
        private <T> CompletionStage<T> answer(CompletionStage<T> healthyAnswer) {
            calls.incrementAndGet();
            switch (mode) {
                case FAILED_STAGE:
                    return CompletableFuture.failedFuture(new IllegalStateException("store down",
                            new RuntimeException("wrapper", new java.net.ConnectException("refused"))));
                case THROWS:
                    throw new IllegalStateException("store down");
                case NEVER_COMPLETES:
                    return pending != null ? (CompletionStage<T>) pending : new CompletableFuture<>();
                default:
                    return healthyAnswer;
            }
        }

        @Override
        public CompletionStage<byte[]> get(String key) {
            return answer(healthy.get(key));
        }

        @Override
        public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
            return mode == Mode.HEALTHY ? answer(healthy.set(key, value, ttl)) : answer(null);
        }

        @Override
        public CompletionStage<Boolean> delete(String key) {
            return answer(healthy.delete(key));
        }
    }

    /** Records "LEVEL message" lines, formatted as System.Logger formats them. */
    private static final class CapturingLogger implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "capture";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + java.text.MessageFormat.format(format, params));
        }
    }
}

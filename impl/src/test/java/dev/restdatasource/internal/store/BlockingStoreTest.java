package dev.restdatasource.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.store.PrefixingKeyValueCache;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store that blocks the calling thread, or throws an {@link Error}, never hangs or fails a call: the wrapper hands
 * the call to its pool and answers a miss. No test here measures time: the hang guard is generous (30 s) and a
 * blocked store is released at the end.
 */
class BlockingStoreTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    /** Long enough that CI noise never makes a healthy answer late; a blocked call is answered when it passes. */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(1);

    private final CountDownLatch release = new CountDownLatch(1);
    private final Upstream upstream = new Upstream();
    private final System.Logger quiet = System.getLogger("quiet");

    @AfterEach
    void releaseAndStop() {
        release.countDown();
        upstream.close();
    }

    enum Operation { GET, SET, DELETE }

    private static CompletionStage<?> run(KeyValueCache cache, Operation operation) {
        return switch (operation) {
            case GET -> cache.get("k");
            case SET -> cache.set("k", new byte[] {1}, Duration.ofMinutes(1));
            case DELETE -> cache.delete("k");
        };
    }

    private static Object within(Duration limit, CompletionStage<?> stage) {
        try {
            return stage.toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stage did not complete normally within " + limit, e);
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void aStoreBlockingBeforeItReturnsIsAMissNotAHang(Operation operation) {
        ErrorsAreMissesKeyValueCache cache = new ErrorsAreMissesKeyValueCache(new Store(this::block), STORE_TIMEOUT);
        Object answer = assertTimeoutPreemptively(HANG_GUARD, () -> within(HANG_GUARD, run(cache, operation)));
        assertEquals(operation == Operation.DELETE ? Boolean.FALSE : null, answer);
    }

    @Test
    void aCallBlockedInTheStoreIsAnsweredFromUpstream() throws Exception {
        upstream.on("/api/item", r -> Reply.status(200).header("Content-Type", "text/plain")
                .header("Cache-Control", "max-age=60").body("item"));
        Store blocking = new Store(this::block);
        DataSourceConfig config = DataSourceConfig.builder().cache(blocking).cacheTimeout(STORE_TIMEOUT).build();
        TestSource source = new TestSource(config, upstream.url() + "api/");
        DataSourceResponse sync = assertTimeoutPreemptively(HANG_GUARD, () -> source.doGet("item").fetch());
        assertEquals("item", sync.bodyAsString());
        assertFalse(sync.fromCache());
        DataSourceResponse async = assertTimeoutPreemptively(HANG_GUARD,
                () -> source.doGet("item").fetchAsync().toCompletableFuture().get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS));
        assertEquals("item", async.bodyAsString());
        assertEquals(2, upstream.count("/api/item"));
        assertTrue(blocking.calls.get() >= 1, "the store was asked");
    }

    @Test
    void callsBeyondTheInFlightLimitAreMissesAtOnce() {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            Store blocking = new Store(this::block);
            ErrorsAreMissesKeyValueCache cache = new ErrorsAreMissesKeyValueCache(blocking, HANG_GUARD, System::nanoTime,
                    quiet, pool, 2);
            CompletionStage<byte[]> first = cache.get("a");
            CompletionStage<byte[]> second = cache.get("b");
            CompletionStage<byte[]> third = cache.get("c");
            assertTrue(third.toCompletableFuture().isDone(), "refused without waiting for the store");
            assertNull(third.toCompletableFuture().join());
            release.countDown();
            assertNull(within(HANG_GUARD, first));
            assertNull(within(HANG_GUARD, second));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallThePoolRefusesIsAMissAtOnce() {
        Store store = new Store(key -> CompletableFuture.completedFuture(new byte[] {1}));
        ErrorsAreMissesKeyValueCache cache = new ErrorsAreMissesKeyValueCache(store, HANG_GUARD, System::nanoTime, quiet,
                task -> {
                    throw new RejectedExecutionException("full");
                }, 4);
        for (int i = 0; i < 10; i++) { // more than the in-flight limit: a refused call gives its place back
            CompletableFuture<byte[]> answer = cache.get("k").toCompletableFuture();
            assertTrue(answer.isDone());
            assertNull(answer.join());
        }
        assertEquals(0, store.calls.get());
    }

    @Test
    void aCallStillQueuedWhenItsCallerWasAnsweredNeverReachesTheStore() {
        Store store = new Store(key -> CompletableFuture.completedFuture(new byte[] {1}));
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        ErrorsAreMissesKeyValueCache cache = new ErrorsAreMissesKeyValueCache(store, STORE_TIMEOUT, System::nanoTime, quiet,
                queued::add, 1);
        assertNull(within(HANG_GUARD, cache.get("k")), "answered as a miss when the timeout passed");
        queued.forEach(Runnable::run);
        assertEquals(0, store.calls.get());
        queued.clear();
        CompletionStage<byte[]> next = cache.get("k"); // the dropped call gave its in-flight place back
        queued.forEach(Runnable::run);
        assertEquals(1, store.calls.get());
        assertEquals(1, ((byte[]) within(HANG_GUARD, next)).length);
    }

    enum ErrorKind { THROWN, IN_THE_STAGE }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void anErrorOfTheStoreIsAMissOnEitherPath(ErrorKind kind) {
        Function<String, CompletionStage<byte[]>> broken = key -> {
            NoClassDefFoundError error = new NoClassDefFoundError("com/example/StoreClient");
            if (kind == ErrorKind.THROWN) {
                throw error;
            }
            return CompletableFuture.failedFuture(error);
        };
        ErrorsAreMissesKeyValueCache handedOff = new ErrorsAreMissesKeyValueCache(new Store(broken), STORE_TIMEOUT);
        ErrorsAreMissesKeyValueCache direct = new ErrorsAreMissesKeyValueCache(new Store(broken), STORE_TIMEOUT,
                System::nanoTime, quiet, null, 1);
        for (ErrorsAreMissesKeyValueCache cache : new ErrorsAreMissesKeyValueCache[] {handedOff, direct}) {
            for (Operation operation : Operation.values()) {
                assertEquals(operation == Operation.DELETE ? Boolean.FALSE : null, within(HANG_GUARD, run(cache, operation)));
            }
        }
    }

    @Test
    void aVirtualMachineErrorOnTheCallersThreadPropagatesAndOnAPoolThreadIsAMiss() throws Exception {
        Function<String, CompletionStage<byte[]>> outOfMemory = key -> {
            throw new OutOfMemoryError("store");
        };
        ErrorsAreMissesKeyValueCache direct = new ErrorsAreMissesKeyValueCache(new Store(outOfMemory), STORE_TIMEOUT,
                System::nanoTime, quiet, null, 1);
        assertThrows(OutOfMemoryError.class, () -> direct.get("k"));

        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        CountDownLatch reported = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task);
            thread.setUncaughtExceptionHandler((t, e) -> {
                uncaught.set(e);
                reported.countDown();
            });
            return thread;
        });
        try {
            ErrorsAreMissesKeyValueCache handedOff = new ErrorsAreMissesKeyValueCache(new Store(outOfMemory),
                    STORE_TIMEOUT, System::nanoTime, quiet, pool::execute, 1);
            assertNull(within(HANG_GUARD, handedOff.get("k")));
            assertTrue(reported.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), "rethrown on the pool thread");
            assertSame(OutOfMemoryError.class, uncaught.get().getClass());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyStoresThatSayTheyNeverBlockAreCalledWithoutAHandOff() {
        InMemoryKeyValueCache memory = InMemoryKeyValueCache.create();
        assertTrue(ErrorsAreMissesKeyValueCache.neverBlocks(memory));
        assertTrue(ErrorsAreMissesKeyValueCache.neverBlocks(new PrefixingKeyValueCache(memory, "p:")));
        assertFalse(ErrorsAreMissesKeyValueCache.neverBlocks(new PrefixingKeyValueCache(new Store(this::block), "p:")));
        assertFalse(ErrorsAreMissesKeyValueCache.neverBlocks(new Store(this::block)));
        CompletableFuture<byte[]> hit = new ErrorsAreMissesKeyValueCache(memory).get("absent").toCompletableFuture();
        assertTrue(hit.isDone(), "the in-memory store is answered on the caller's thread");
    }

    private CompletionStage<byte[]> block(String key) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** A store whose every call does what {@code behaviour} does for a get. */
    private static final class Store implements KeyValueCache {
        final AtomicInteger calls = new AtomicInteger();
        private final Function<String, CompletionStage<byte[]>> behaviour;

        Store(Function<String, CompletionStage<byte[]>> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public CompletionStage<byte[]> get(String key) {
            calls.incrementAndGet();
            return behaviour.apply(key);
        }

        @Override
        public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
            return get(key).thenApply(ignored -> null);
        }

        @Override
        public CompletionStage<Boolean> delete(String key) {
            return get(key).thenApply(ignored -> true);
        }
    }
}

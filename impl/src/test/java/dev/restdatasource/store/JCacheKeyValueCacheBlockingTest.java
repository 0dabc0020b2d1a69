package dev.restdatasource.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.store.ErrorsAreMissesKeyValueCache;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A networked JCache that stops answering blocks in its synchronous calls; the adapter runs them on its pool, so its
 * caller never waits. No test here measures time: the hang guard is generous and the cache is released at the end.
 */
class JCacheKeyValueCacheBlockingTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private final CountDownLatch release = new CountDownLatch(1);
    private final Cache<String, byte[]> stuck = blockingCache();

    @AfterEach
    void release() {
        release.countDown();
    }

    @Test
    void callsReturnAtOnceWhileTheCacheIsBlockedAndCompleteWhenItAnswers() throws Exception {
        JCacheKeyValueCache cache = new JCacheKeyValueCache(stuck);
        List<CompletionStage<?>> stages = assertTimeoutPreemptively(HANG_GUARD, () -> List.of(
                cache.get("k"), cache.set("k", new byte[] {1}, Duration.ofMinutes(1)), cache.delete("k")));
        for (CompletionStage<?> stage : stages) {
            assertFalse(stage.toCompletableFuture().isDone(), "the JCache call is still blocked on the pool");
        }
        release.countDown();
        byte[] stored = (byte[]) stages.get(0).toCompletableFuture().get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        assertArrayEquals(new byte[] {9}, stored);
        stages.get(1).toCompletableFuture().get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        assertEquals(Boolean.TRUE, stages.get(2).toCompletableFuture().get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void behindTheWrapperABlockedCacheIsAMiss() {
        KeyValueCache cache = new ErrorsAreMissesKeyValueCache(new JCacheKeyValueCache(stuck), Duration.ofSeconds(1));
        assertNull(assertTimeoutPreemptively(HANG_GUARD,
                () -> cache.get("k").toCompletableFuture().get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)));
    }

    /** get, put and getAndRemove wait for {@link #release}; then get and getAndRemove answer a live value. */
    @SuppressWarnings("unchecked")
    private Cache<String, byte[]> blockingCache() {
        byte[] live = JCacheKeyValueCache.encode(Long.MAX_VALUE, new byte[] {9});
        return (Cache<String, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Cache.class},
                (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "get", "put", "getAndRemove" -> release.await();
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return method.getName().equals("put") ? null : live;
                });
    }
}

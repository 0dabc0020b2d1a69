package dev.restdatasource.memcached;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.backend.Ttl;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.exception.MemcachedServerException;

/**
 * A {@link KeyValueCache} on memcached servers through an xmemcached {@link MemcachedClient}. Values are stored as
 * the engine's bytes, unchanged (flags 0, no compression, no serialization header).
 *
 * <p>Keys: memcached accepts at most 250 bytes without spaces or control characters; other keys are stored under a
 * SHA-256 form (see {@code MemcachedKeys}: printable-ASCII keys up to 250 characters are sent as they are, everything
 * else as {@code ~sha256:<64 hex>}, and no key sent as it is can look like a hashed one).
 *
 * <p>Expiry: memcached counts whole seconds, so a ttl is rounded up (1 ms lives 1 s, 1,001 ms lives 2 s); a ttl over
 * 30 days is sent as an absolute Unix time (memcached reads larger relative values that way), from this store's clock;
 * {@code null} never expires; a zero or negative ttl stores nothing and removes any old value.
 *
 * <p>Size: a value over {@code maxItemSize} bytes, or one the server refuses as too large (its {@code -I}), is not
 * stored: the set completes normally, any old value under the key is removed (it would be stale), and one line is
 * logged at INFO.
 *
 * <p>Threads: xmemcached's calls block until answered or until the client's operation timeout, so every call runs on
 * this store's own small pool of daemon threads (named {@code restdatasource-memcached-N}, at most
 * {@value #THREADS}, queue {@value #QUEUE}); the caller never blocks. Stages complete on those threads, which carry
 * the context class loader of the thread that built the store (the application's in a server). A full queue fails
 * the call at once.
 *
 * <p>Failure: a server that is down, a timeout or any other client error completes the stage exceptionally (nothing
 * is thrown to the caller); the engine counts that as a miss and logs it at most once per interval. Thread-safe.
 *
 * <p>Lifecycle: {@link #close()} stops the pool, and shuts the client down only when this store created it
 * ({@link MemcachedCaches#client}); a store over an application's client ({@link #of}) leaves it running.
 */
public final class MemcachedKeyValueCache implements KeyValueCache, AutoCloseable {
    static final int THREADS = 16;
    static final int QUEUE = 10_000;
    private static final Logger LOG = System.getLogger(MemcachedKeyValueCache.class.getName());

    private final MemcachedClient client;
    private final boolean owned;
    private final int maxItemSize;
    private final Clock clock;
    private final ExecutorService calls;

    MemcachedKeyValueCache(MemcachedClient client, boolean owned, int maxItemSize, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.owned = owned;
        if (maxItemSize < 1) {
            throw new IllegalArgumentException("maxItemSize must be positive: " + maxItemSize);
        }
        this.maxItemSize = maxItemSize;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calls = pool(Thread.currentThread().getContextClassLoader());
    }

    /**
     * A store over an application's client, which {@link #close()} leaves running; values over {@code maxItemSize}
     * bytes are skipped (use the servers' {@code -I}, default {@link MemcachedSettings#DEFAULT_MAX_ITEM_SIZE}). The
     * client's own transcoder is not used.
     */
    public static MemcachedKeyValueCache of(MemcachedClient client, int maxItemSize) {
        return new MemcachedKeyValueCache(client, false, maxItemSize, Clock.systemUTC());
    }

    /** The xmemcached client this store calls. */
    public MemcachedClient client() {
        return client;
    }

    @Override
    public CompletionStage<byte[]> get(String key) {
        String safe = MemcachedKeys.safe(Objects.requireNonNull(key, "key"));
        return call(() -> client.get(safe, client.getOpTimeout(), BytesTranscoder.INSTANCE));
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
        return Ttl.setOrRemove(key, value, ttl, () -> call(() -> remove(MemcachedKeys.safe(key))), () -> {
            String safe = MemcachedKeys.safe(key);
            byte[] copy = value.clone();
            int exptime = MemcachedExpiry.exptime(ttl, clock.instant().getEpochSecond());
            return call(() -> {
                if (copy.length > maxItemSize) {
                    return skipped(safe, copy.length, "the limit of " + maxItemSize + " bytes");
                }
                try {
                    client.set(safe, exptime, copy, BytesTranscoder.INSTANCE, client.getOpTimeout());
                } catch (MemcachedServerException refused) {
                    if (!isTooLarge(refused)) {
                        throw refused;
                    }
                    return skipped(safe, copy.length, "the server's item size limit ("
                            + refused.getMessage().strip() + ")");
                }
                return null;
            });
        });
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        String safe = MemcachedKeys.safe(Objects.requireNonNull(key, "key"));
        return call(() -> client.delete(safe, client.getOpTimeout()));
    }

    /** Stops this store's threads and, when this store created the client, shuts it down. Idempotent. */
    @Override
    public void close() {
        calls.shutdown();
        if (owned && !client.isShutdown()) {
            try {
                client.shutdown();
            } catch (java.io.IOException e) {
                LOG.log(Level.WARNING, "memcached client shutdown failed: " + e);
            }
        }
    }

    private Void remove(String safe) throws Exception {
        client.delete(safe, client.getOpTimeout());
        return null;
    }

    private Void skipped(String safe, int size, String limit) throws Exception {
        LOG.log(Level.INFO, "memcached: not caching a value of {0} bytes under {1}: over {2}", Integer.toString(size),
                safe, limit);
        return remove(safe);
    }

    private static boolean isTooLarge(MemcachedServerException refused) {
        String message = String.valueOf(refused.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("too large") || message.contains("out of memory");
    }

    private <T> CompletionStage<T> call(BlockingCall<T> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            calls.execute(() -> {
                try {
                    answer.complete(call.run());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer.completeExceptionally(e);
                } catch (Exception | Error e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException full) {
            answer.completeExceptionally(full);
        }
        return answer;
    }

    /** One blocking xmemcached call. */
    @FunctionalInterface
    private interface BlockingCall<T> {
        T run() throws Exception;
    }

    private static ExecutorService pool(ClassLoader contextClassLoader) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread t = new Thread(task, "restdatasource-memcached-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(contextClassLoader);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}

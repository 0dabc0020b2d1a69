package dev.restdatasource.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.store.ErrorsAreMissesKeyValueCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What the credential and TLS tests check on a store: that it serves (a few contract-style calls on fresh keys), or
 * that it refuses as the engine sees it: each call a miss within a bounded time, with the engine's WARNING line. Every
 * wait is bounded.
 */
final class StoreChecks {
    /** The longest one call may take here; far above the 1 s command and 2 s connect timeouts. */
    static final Duration AWAIT = Duration.ofSeconds(10);

    private StoreChecks() {
    }

    /** set, get, overwrite, delete (true, then false) and a set with a ttl, on keys of their own. */
    static void serves(KeyValueCache store) {
        String key = "check-" + UUID.randomUUID();
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        byte[] second = {0, (byte) 255, 10, 13};
        await(store.set(key, first, null), "set");
        assertArrayEquals(first, await(store.get(key), "get"));
        await(store.set(key, second, Duration.ofMinutes(1)), "set with ttl");
        assertArrayEquals(second, await(store.get(key), "get after overwrite"));
        assertTrue(await(store.delete(key), "delete"), "delete of a present key");
        assertFalse(await(store.delete(key), "delete again"), "delete of an absent key");
        assertNull(await(store.get(key), "get after delete"));
    }

    /**
     * Checks that {@code store} fails a {@code get} within {@link #AWAIT}, and that the engine's
     * {@link ErrorsAreMissesKeyValueCache} makes get, set and delete a miss / no-op within {@link #AWAIT} and logs one
     * WARNING; returns that line.
     */
    static String refusesAsMisses(KeyValueCache store) {
        try {
            store.get("refused").toCompletableFuture().get(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
            return fail("the store answered a get");
        } catch (ExecutionException expected) {
            // refused, as it should be
        } catch (TimeoutException | InterruptedException hung) {
            return fail("the get neither answered nor failed within " + AWAIT + ": " + hung);
        }
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(ErrorsAreMissesKeyValueCache.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(new SimpleFormatter().formatMessage(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            KeyValueCache engine = new ErrorsAreMissesKeyValueCache(store, Duration.ofSeconds(3));
            assertNull(await(engine.get("refused"), "get through the engine's wrapper"));
            await(engine.set("refused", new byte[] {1}, null), "set through the engine's wrapper");
            assertFalse(await(engine.delete("refused"), "delete through the engine's wrapper"));
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(1, warnings.size(), () -> "one WARNING line (rate-limited): " + warnings);
        return warnings.get(0);
    }

    static <T> T await(CompletionStage<T> stage, String call) {
        try {
            return stage.toCompletableFuture().get(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new AssertionError(call + " failed: " + failed.getCause(), failed.getCause());
        } catch (TimeoutException | InterruptedException hung) {
            throw new AssertionError(call + " did not complete within " + AWAIT, hung);
        }
    }
}

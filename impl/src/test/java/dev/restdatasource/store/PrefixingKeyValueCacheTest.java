package dev.restdatasource.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restdatasource.cache.KeyValueCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * As Apollo's {@code PrefixingKeyValueCache} (§14.10): the prefix goes before every key; values and ttls pass
 * unchanged.
 */
class PrefixingKeyValueCacheTest {
    private final List<String> calls = new ArrayList<>();
    private final byte[] value = {1, 2};
    private final KeyValueCache recording = new KeyValueCache() {
        @Override
        public CompletionStage<byte[]> get(String key) {
            calls.add("get " + key);
            return CompletableFuture.completedFuture(value);
        }

        @Override
        public CompletionStage<Void> set(String key, byte[] v, Duration ttl) {
            assertSame(value, v, "the value passes through untouched");
            calls.add("set " + key + " " + ttl);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Boolean> delete(String key) {
            calls.add("delete " + key);
            return CompletableFuture.completedFuture(true);
        }
    };

    @Test
    void everyCallReachesTheDelegateWithThePrefixedKey() {
        PrefixingKeyValueCache cache = new PrefixingKeyValueCache(recording, "movies:");
        cache.get("GET https://x/1");
        cache.set("k", value, Duration.ofSeconds(3));
        cache.set("k", value, null);
        cache.delete("k");
        assertEquals(List.of("get movies:GET https://x/1", "set movies:k PT3S", "set movies:k null", "delete movies:k"),
                calls);
    }

    @Test
    void nestedPrefixesApplyOuterLast() {
        new PrefixingKeyValueCache(new PrefixingKeyValueCache(recording, "inner:"), "outer:").get("k");
        assertEquals(List.of("get inner:outer:k"), calls);
    }

    @Test
    void answersOfTheDelegateAreReturned() {
        PrefixingKeyValueCache cache = new PrefixingKeyValueCache(recording, "p:");
        assertSame(value, cache.get("k").toCompletableFuture().join());
        assertEquals(true, cache.delete("k").toCompletableFuture().join());
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> new PrefixingKeyValueCache(null, "p"));
        assertThrows(NullPointerException.class, () -> new PrefixingKeyValueCache(recording, null));
        assertThrows(NullPointerException.class, () -> new PrefixingKeyValueCache(recording, "p").get(null));
        assertEquals(List.of(), calls, "the delegate is not called with a null key");
    }
}

package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A header the configuration names as a credential ({@code X-Api-Key} here) is treated as Authorization is by every
 * rule: deduplication, per-user entries, the storing rule of RFC 9111 §3.5 and cross-origin redirects; and user
 * information in a base URL never reaches a store key.
 */
class ConfiguredCredentialsTest {
    private final Upstream upstream = new Upstream();
    private final Upstream other = new Upstream();
    private final Set<String> keysWritten = ConcurrentHashMap.newKeySet();
    private final KeyValueCache store = recording(InMemoryKeyValueCache.create());
    private final DataSourceConfig config = DataSourceConfig.builder().cache(store).cacheTimeout(Duration.ofSeconds(10))
            .credentialHeaders(List.of("X-Api-Key")).build();
    private final TestSource source = new TestSource(config, upstream.url());

    @AfterEach
    void stop() {
        upstream.close();
        other.close();
    }

    private KeyValueCache recording(KeyValueCache delegate) {
        return new KeyValueCache() {
            @Override
            public CompletionStage<byte[]> get(String key) {
                return delegate.get(key);
            }

            @Override
            public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
                keysWritten.add(key);
                return delegate.set(key, value, ttl);
            }

            @Override
            public CompletionStage<Boolean> delete(String key) {
                return delegate.delete(key);
            }

            @Override
            public boolean neverBlocksCaller() {
                return true; // in memory, so writes are done before the next call reads
            }
        };
    }

    private DataSourceResponse get(TestSource s, String path, String apiKey) {
        return s.doGet(path).header("X-Api-Key", apiKey).fetch();
    }

    @Test
    void callersWithDifferentKeysAreNeverDeduplicatedOntoOneAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        upstream.on("/me", r -> {
            release.await(60, TimeUnit.SECONDS); // a hang guard only
            return Reply.json("{\"key\":\"" + r.header("X-Api-Key") + "\"}").header("Cache-Control", "no-store");
        });
        CompletableFuture<DataSourceResponse> alice = source.doGet("me").header("X-Api-Key", "alice").fetchAsync().toCompletableFuture();
        CompletableFuture<DataSourceResponse> bob = source.doGet("me").header("X-Api-Key", "bob").fetchAsync().toCompletableFuture();
        CompletableFuture<DataSourceResponse> alice2 = source.doGet("me").header("X-Api-Key", "alice").fetchAsync().toCompletableFuture();
        release.countDown();
        assertEquals("{\"key\":\"bob\"}", bob.get(60, TimeUnit.SECONDS).bodyAsString());
        assertFalse(bob.get().deduplicated());
        assertTrue(alice2.get(60, TimeUnit.SECONDS).deduplicated(), "the same key still shares");
        assertEquals("{\"key\":\"alice\"}", alice.get(60, TimeUnit.SECONDS).bodyAsString());
        assertEquals(2, upstream.count("/me"));
    }

    @Test
    void withoutTheSettingTheHeaderIsNotACredential() throws Exception {
        TestSource plain = new TestSource(DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).build(), upstream.url());
        upstream.on("/shared", r -> Reply.json("{}").header("Cache-Control", "max-age=600"));
        get(plain, "shared", "alice");
        assertTrue(get(plain, "shared", "bob").fromCache(), "a plain header: the shared entry answers");
    }

    @Test
    void aResponseToAKeyedRequestIsStoredOnlyWhenItAllowsSharingExplicitly() {
        upstream.on("/implicit", r -> Reply.json("{}").header("Cache-Control", "max-age=600"));
        upstream.on("/public", r -> Reply.json("{}").header("Cache-Control", "public, max-age=600"));
        get(source, "implicit", "alice");
        assertFalse(get(source, "implicit", "bob").fromCache()); // RFC 9111 §3.5, as for Authorization
        get(source, "public", "alice");
        assertTrue(get(source, "public", "bob").fromCache());
    }

    @Test
    void aPerUserOverrideKeepsEachKeyApart() {
        upstream.on("/mine", r -> Reply.json("{\"key\":\"" + r.header("X-Api-Key") + "\"}"));
        CacheOptions perUser = CacheOptions.ttl(Duration.ofSeconds(600)).perUser();
        source.doGet("mine").header("X-Api-Key", "alice").cacheOptions(perUser).fetch();
        DataSourceResponse bob = source.doGet("mine").header("X-Api-Key", "bob").cacheOptions(perUser).fetch();
        assertFalse(bob.fromCache());
        assertEquals("{\"key\":\"bob\"}", bob.bodyAsString());
        assertTrue(source.doGet("mine").header("X-Api-Key", "alice").cacheOptions(perUser).fetch().fromCache());
        assertEquals(2, upstream.count("/mine"));
        assertTrue(keysWritten.stream().anyMatch(k -> k.contains(" user:")), keysWritten.toString());
        assertTrue(keysWritten.stream().noneMatch(k -> k.contains("alice") || k.contains("bob")), keysWritten.toString());
    }

    @Test
    void aRedirectToAnotherOriginDropsTheKey() {
        upstream.on("/r", r -> Reply.status(302).header("Location", other.url() + "t"));
        other.on("/t", r -> Reply.json("{}"));
        source.doGet("r").header("X-Api-Key", "alice").fetch();
        assertNull(other.last().header("X-Api-Key"));
    }

    @Test
    void userInformationInTheBaseUrlNeverReachesAStoreKey() {
        TestSource withUserInfo = new TestSource(config, upstream.url().replace("://", "://reader:pa55word@"));
        upstream.on("/open", r -> Reply.json("{}").header("Cache-Control", "public, max-age=600"));
        withUserInfo.doGet("open").fetch();
        assertTrue(withUserInfo.doGet("open").fetch().fromCache());
        assertFalse(keysWritten.isEmpty());
        assertTrue(keysWritten.stream().noneMatch(k -> k.contains("pa55word") || k.contains("reader")), keysWritten.toString());
    }
}

package dev.restdatasource.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stages complete on Lettuce's I/O threads, where the engine's continuations then run and look up services (JSON-B)
 * through the context class loader: those threads must carry the class loader of whoever created the store (in a
 * server, the application).
 */
class RedisClassLoaderTest {
    @Test
    void lettuceThreadsCarryTheCreatorsContextClassLoader() throws Exception {
        Thread current = Thread.currentThread();
        ClassLoader original = current.getContextClassLoader();
        ClassLoader application = new URLClassLoader(new URL[0], original);
        try (RedisTestServer server = RedisTestServer.started(LoopbackPorts.free(1, 30_000, 35_000, 0).get(0))) {
            RedisKeyValueCache store;
            current.setContextClassLoader(application);
            try {
                store = RedisCaches.connect(RedisSettings.of(server.uri()));
            } finally {
                current.setContextClassLoader(original);
            }
            try {
                List<CompletableFuture<Thread>> completedOn = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    completedOn.add(store.get("k" + i).toCompletableFuture().thenApply(v -> Thread.currentThread()));
                }
                List<ClassLoader> onLettuceThreads = new ArrayList<>();
                for (CompletableFuture<Thread> call : completedOn) {
                    Thread thread = call.get(5, TimeUnit.SECONDS);
                    if (thread.getName().startsWith("restdatasource-redis-")) {
                        onLettuceThreads.add(thread.getContextClassLoader());
                    }
                }
                assertFalse(onLettuceThreads.isEmpty(), "some calls complete on Lettuce's threads");
                onLettuceThreads.forEach(loader -> assertSame(application, loader));
            } finally {
                store.close();
            }
        }
    }
}

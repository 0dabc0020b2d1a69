package dev.restdatasource.cache.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.store.InMemoryKeyValueCache;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * How a backend module's CDI wiring must behave, under Weld SE (no discovery) and SmallRye Config: the module's
 * extension adds its {@code KeyValueCache} producer only when {@code <prefix>mode} is set; a data source then stores
 * in the backend (a second request is served from the cache the first one filled); an application's own engine bean
 * is used instead of building one; the store the producer built is closed when the container shuts down (its port
 * is free again); in client mode, against a server or member the subclass runs, the same, the client closed on
 * shutdown, and an application's own client bean used instead of building one; and a wrong setting fails deployment with a message naming the full key.
 * A client-only backend (Redis, memcached) gives no {@link #ownNodeSettings()}: the embedded-node tests are skipped
 * and the wrong settings are tried on top of {@link #clientSettings()}.
 *
 * <p>Each test boots its own container and stops it, and the upstream, before it ends. Waits are bounded.
 */
public abstract class KeyValueCacheCdiContract {
    /** How long a poll or a wait for a store write may take before the test fails: a hang guard, not a timing. */
    private static final Duration PATIENCE = StoreOutage.PATIENCE;

    /** The backend's key prefix, e.g. {@code restdatasource.infinispan.}. */
    protected abstract String prefix();

    /** A new instance of the backend's portable extension. */
    protected abstract Extension extension();

    /**
     * Settings (under {@link #prefix()}) that make the producer start its own embedded node on 127.0.0.1 at
     * {@link #ownNodePort()}, in a cluster of its own; or an empty map for a client-only backend (Redis, memcached):
     * the embedded-node tests are then skipped, and the wrong settings are tried on {@link #clientSettings()}.
     */
    protected Map<String, String> ownNodeSettings() {
        return Map.of();
    }

    /** The TCP port the node of {@link #ownNodeSettings()} listens on. */
    protected int ownNodePort() {
        throw new UnsupportedOperationException("ownNodePort must be given with ownNodeSettings()");
    }

    /**
     * A bean class producing the application's own engine object (an {@code EmbeddedCacheManager}, a
     * {@code HazelcastInstance}), or {@code null} for a client-only backend; {@link #entriesInApplicationEngine()}
     * reads what it holds.
     */
    protected Class<?> applicationEngineBean() {
        return null;
    }

    /** How many entries the store of the last {@link #applicationEngineBean()} holds. */
    protected int entriesInApplicationEngine() {
        throw new UnsupportedOperationException("entriesInApplicationEngine must be given with applicationEngineBean()");
    }

    /**
     * Wrong settings, one per row: {@code {key without prefix, value, text the deployment error must contain}};
     * the text must itself name the full key at fault (e.g. {@code "restdatasource.x.port must be ..."}).
     */
    protected abstract List<String[]> badSettings();

    /**
     * Settings (under {@link #prefix()}) that make the producer build a client of the backend's remote engine (a
     * server or member the subclass runs on 127.0.0.1, started by this call if needed), or an empty map when the
     * backend has no client mode to test: the client tests are then skipped.
     */
    protected Map<String, String> clientSettings() {
        return Map.of();
    }

    /**
     * Whether the client under {@code store} (the producer's instance, not its proxy) is connected and usable; after
     * its container shut down: whether it still runs. Polled, so it may turn true or false with a delay.
     */
    protected boolean clientRunning(KeyValueCache store) {
        throw new UnsupportedOperationException("clientRunning must be given with clientSettings()");
    }

    /**
     * A bean class producing the application's own client object (a {@code RemoteCacheManager}) for
     * {@link #clientSettings()}, or {@code null} when not tested; {@link #usesApplicationClient} tells whether a
     * store uses it.
     */
    protected Class<?> applicationClientBean() {
        return null;
    }

    /** Whether {@code store} (the producer's instance) uses the client of the last {@link #applicationClientBean()}. */
    protected boolean usesApplicationClient(KeyValueCache store) {
        throw new UnsupportedOperationException("usesApplicationClient must be given with applicationClientBean()");
    }

    @Test
    void withoutModeTheExtensionAddsNothingAndTheInMemoryStoreStays() {
        try (CountingUpstream upstream = CountingUpstream.start();
             TestContainer container = boot(Map.of("restdatasource.CdiMoviesAPI.url", upstream.url()),
                     extension(), CdiMoviesAPI.class)) {
            assertInstanceOf(InMemoryKeyValueCache.class, container.bean(DataSourceConfig.class).cache());
        }
    }

    @Test
    void aDataSourceStoresInTheBackendAndTheStoreIsClosedOnShutdown() throws Exception {
        Map<String, String> settings = new HashMap<>(ownNodeSettings());
        assumeFalse(settings.isEmpty(), "the backend has no embedded node");
        try (CountingUpstream upstream = CountingUpstream.start()) {
            settings.put("restdatasource.CdiMoviesAPI.url", upstream.url());
            try (TestContainer container = boot(settings, extension(), CdiMoviesAPI.class)) {
                assertTrue(inUse(ownNodePort()), "the node started with the application, before any request, on "
                        + ownNodePort());
                assertFalse(container.bean(DataSourceConfig.class).cache() instanceof InMemoryKeyValueCache,
                        "the backend's store replaces the in-memory one");
                servedFromTheCacheOnTheSecondRequest(container, upstream);
            }
            awaitFree(ownNodePort(), "the node is stopped when the container shuts down");
        }
    }

    /** A node that cannot bind its port fails the application's start, naming the cause, instead of the first query. */
    @Test
    void aNodeThatCannotStartFailsTheDeployment() throws Exception {
        Map<String, String> settings = new HashMap<>(ownNodeSettings());
        assumeFalse(settings.isEmpty(), "the backend has no embedded node");
        settings.put("restdatasource.CdiMoviesAPI.url", "http://127.0.0.1:1/"); // never called: only the node must fail
        try (ServerSocket taken = new ServerSocket(ownNodePort(), 50, InetAddress.getLoopbackAddress())) {
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> boot(settings, extension(), CdiMoviesAPI.class).close());
            StringBuilder chain = new StringBuilder();
            for (Throwable t = failure; t != null && chain.length() < 10_000; t = t.getCause()) {
                chain.append(t).append(" <- ");
            }
            String text = chain.toString().toLowerCase(Locale.ROOT);
            assertTrue(text.contains("in use") || text.contains("bind") || text.contains(":" + ownNodePort()),
                    "the failure names the taken port: " + chain);
        }
    }

    @Test
    void anApplicationEngineBeanIsUsedInsteadOfBuildingOne() throws Exception {
        assumeTrue(applicationEngineBean() != null, "the backend has no embedded engine");
        Map<String, String> settings = new HashMap<>(ownNodeSettings());
        try (CountingUpstream upstream = CountingUpstream.start()) {
            settings.put("restdatasource.CdiMoviesAPI.url", upstream.url());
            try (TestContainer container = boot(settings, extension(), CdiMoviesAPI.class,
                    applicationEngineBean())) {
                servedFromTheCacheOnTheSecondRequest(container, upstream);
                assertTrue(entriesInApplicationEngine() > 0, "the entry is in the application's engine");
                assertFalse(inUse(ownNodePort()), "no node of the producer's own on " + ownNodePort());
            }
        }
    }

    @Test
    void inClientModeADataSourceStoresInTheRemoteEngineAndTheClientIsClosedOnShutdown() throws Exception {
        Map<String, String> settings = new HashMap<>(clientSettings());
        assumeFalse(settings.isEmpty(), "the backend has no client mode to test");
        KeyValueCache store;
        try (CountingUpstream upstream = CountingUpstream.start()) {
            settings.put("restdatasource.CdiMoviesAPI.url", upstream.url());
            try (TestContainer container = boot(settings, extension(), CdiMoviesAPI.class)) {
                store = store(container);
                assertFalse(store instanceof InMemoryKeyValueCache, "the backend's store replaces the in-memory one");
                await(() -> clientRunning(store), "the producer's client connects");
                servedFromTheCacheOnTheSecondRequest(container, upstream);
            }
        }
        await(() -> !clientRunning(store), "the client is closed when the container shuts down");
    }

    @Test
    void anApplicationClientBeanIsUsedInsteadOfBuildingOne() throws Exception {
        assumeTrue(applicationClientBean() != null, "no application client bean to test");
        Map<String, String> settings = new HashMap<>(clientSettings());
        try (CountingUpstream upstream = CountingUpstream.start()) {
            settings.put("restdatasource.CdiMoviesAPI.url", upstream.url());
            try (TestContainer container = boot(settings, extension(), CdiMoviesAPI.class,
                    applicationClientBean())) {
                KeyValueCache store = store(container);
                assertTrue(usesApplicationClient(store), "the store uses the application's client");
                servedFromTheCacheOnTheSecondRequest(container, upstream);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> aWrongSettingFailsDeploymentNamingTheFullKey() {
        return badSettings().stream().map(row -> DynamicTest.dynamicTest(prefix() + row[0] + "=" + row[1], () -> {
            boolean ownNode = !ownNodeSettings().isEmpty();
            Map<String, String> settings = new HashMap<>(ownNode ? ownNodeSettings() : clientSettings());
            settings.put(prefix() + row[0], row[1]);
            settings.put("restdatasource.CdiMoviesAPI.url", "http://127.0.0.1:1/");
            DeploymentException e = assertThrows(DeploymentException.class,
                    () -> boot(settings, extension(), CdiMoviesAPI.class).close());
            String messages = messages(e);
            assertTrue(row[2].contains(prefix()), "the expected text names the full key: " + row[2]);
            assertTrue(messages.contains(row[2]), () -> "the error should say '" + row[2] + "': " + messages);
            assertFalse(ownNode && inUse(ownNodePort()), "a failed deployment leaves no node running");
        }));
    }

    private static void servedFromTheCacheOnTheSecondRequest(TestContainer container, CountingUpstream upstream)
            throws Exception {
        String id = UUID.randomUUID().toString();
        CdiMoviesAPI movies = container.bean(CdiMoviesAPI.class);
        DataSourceResponse first = container.inRequest(() -> movies.movie(id));
        assertFalse(first.fromCache(), "the first request goes upstream");
        // the write to the store runs after the first answer: wait for it (bounded), not for a wall-clock window
        first.cacheWrite().toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        DataSourceResponse second = container.inRequest(() -> movies.movie(id));
        assertTrue(second.fromCache(), "a second request is served from the backend's cache");
        assertEquals(CountingUpstream.body(id), second.bodyAsString());
        assertEquals(1, upstream.requests(), "one upstream request for two data-source calls");
    }

    /** Whether something listens on 127.0.0.1:{@code port} (binding it fails). */
    protected static boolean inUse(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException bound) {
            return true;
        }
    }

    private static void awaitFree(int port, String what) throws InterruptedException {
        await(() -> !inUse(port), what + ": port " + port + " free");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail(what + ": not so after " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s).append('\n');
            }
        }
        return all.toString();
    }

    /**
     * Boots with a store timeout of 10 s unless the test sets one: these tests check where an answer comes from, and
     * the default 50 ms lets a busy machine turn a slow but healthy store call into a miss.
     */
    private static TestContainer boot(Map<String, String> settings, Extension backend, Class<?>... beans) {
        Map<String, String> withTimeout = new HashMap<>(settings);
        withTimeout.putIfAbsent("restdatasource.cache.timeout", "10s");
        return TestContainer.boot(withTimeout, List.of(backend), beans);
    }

    /** The store the data sources use: the producer's instance behind the application-scoped proxy. */
    private static KeyValueCache store(TestContainer container) {
        KeyValueCache cache = container.bean(DataSourceConfig.class).cache();
        return cache instanceof WeldClientProxy proxy
                ? (KeyValueCache) proxy.getMetadata().getContextualInstance() : cache;
    }
}

package dev.restdatasource.redis;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheCdiContract;
import dev.restdatasource.cache.testkit.LoopbackPorts;
import dev.restdatasource.redis.cdi.RedisCacheExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The CDI wiring of restdatasource-redis under Weld SE and SmallRye Config, against a real redis-server on 127.0.0.1:
 * the module's own client (connected, used, closed on shutdown), an application's {@link RedisClient} bean used
 * instead, and every wrong setting (and an unknown key) failing deployment with the full key named.
 */
class RedisCdiTest extends KeyValueCacheCdiContract {
    private static final String PREFIX = "restdatasource.redis.";
    static RedisTestServer server;

    @BeforeAll
    static void startServer() {
        server = RedisTestServer.started(LoopbackPorts.free(1, 35_000, 40_000, 0).get(0));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.kill();
        }
    }

    @Override
    protected String prefix() {
        return PREFIX;
    }

    @Override
    protected Extension extension() {
        return new RedisCacheExtension();
    }

    @Override
    protected Map<String, String> clientSettings() {
        return Map.of(PREFIX + "uri", server.uri(), PREFIX + "key-prefix", "cdi-" + UUID.randomUUID() + ":",
                PREFIX + "command-timeout", "10s"); // generous: a busy machine must not turn a slow call into a miss
    }

    /**
     * Connected, as the server sees it: it counts a client besides this probe. The store's is the only other one (each
     * test closes what it opened), so the count also tells when the store's connection is really closed.
     */
    @Override
    protected boolean clientRunning(KeyValueCache store) {
        return server.connectedClients() > 1;
    }

    @Override
    protected Class<?> applicationClientBean() {
        return ApplicationClient.class;
    }

    @Override
    protected boolean usesApplicationClient(KeyValueCache store) {
        RedisKeyValueCache redis = (RedisKeyValueCache) store;
        redis.get("probe").toCompletableFuture().join(); // opens the connection
        StatefulConnection<String, byte[]> connection = redis.openConnection();
        return connection != null && connection.getResources() == ApplicationClient.last.getResources();
    }

    @Override
    protected List<String[]> badSettings() {
        return List.of(
                new String[] {"uri", "http://127.0.0.1:6379", PREFIX + "uri must start with redis://, rediss:// or"
                        + " redis-sentinel://: http://127.0.0.1:6379"},
                new String[] {"uri", "redis://127.0.0.1:1,redis://127.0.0.1:2", PREFIX + "uri lists several nodes;"
                        + " set cluster=true"},
                new String[] {"cluster", "yes", PREFIX + "cluster: 'yes' must be true or false"},
                new String[] {"username", "app", PREFIX + "username needs a password"},
                new String[] {"tls.verify", "strict", PREFIX + "tls.verify must be full, ca or none: strict"},
                new String[] {"tls.truststore", "/nonexistent/truststore.p12", PREFIX
                        + "tls.truststore is not a readable file: /nonexistent/truststore.p12"},
                new String[] {"command-timeout", "0ms", PREFIX + "command-timeout must be positive: PT0S"},
                new String[] {"connect-timeout", "soon", PREFIX + "connect-timeout: 'soon' is not a duration"},
                new String[] {"request-queue-size", "0", PREFIX + "request-queue-size must be at least 1: 0"},
                new String[] {"request-queue-size", "many", PREFIX + "request-queue-size is not a whole number: many"},
                new String[] {"comand-timeout", "1s", PREFIX + "comand-timeout: unknown key"});
    }

    /** The application's own Lettuce client, shut down by the application (a singleton: Lettuce's clients have final methods, so no proxy). */
    @ApplicationScoped
    static class ApplicationClient {
        static volatile RedisClient last;

        @Produces
        @Singleton
        RedisClient client() {
            last = RedisClient.create();
            return last;
        }

        void stop(@Disposes RedisClient client) {
            client.shutdown();
        }
    }
}

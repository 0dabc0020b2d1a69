package dev.restdatasource.redis;

import dev.restdatasource.cache.KeyValueCache;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * {@link RedisCdiTest} with an application bean of another kind: an open {@code StatefulRedisConnection<String,
 * byte[]>}, which the store uses as is (and leaves open).
 */
class RedisCdiConnectionBeanTest extends RedisCdiTest {
    @Override
    protected Class<?> applicationClientBean() {
        return ApplicationConnection.class;
    }

    @Override
    protected boolean usesApplicationClient(KeyValueCache store) {
        return ((RedisKeyValueCache) store).openConnection() == ApplicationConnection.last;
    }

    /** The application's own connection, closed (with its client) by the application. */
    @ApplicationScoped
    static class ApplicationConnection {
        static volatile StatefulRedisConnection<String, byte[]> last;
        private RedisClient client;

        @Produces
        @Singleton
        StatefulRedisConnection<String, byte[]> connection() {
            client = RedisClient.create();
            last = client.connect(RedisCaches.CODEC, RedisURI.create(server.uri()));
            return last;
        }

        void close(@Disposes StatefulRedisConnection<String, byte[]> connection) {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}

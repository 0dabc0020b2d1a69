package dev.restdatasource.memcached;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheCdiContract;
import dev.restdatasource.memcached.cdi.MemcachedCacheExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Extension;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The CDI wiring of restdatasource-memcached under Weld SE and SmallRye Config, against real memcached processes: the
 * producer's client talks to one server, an application's {@link MemcachedClient} bean to another.
 */
class MemcachedCdiTest extends KeyValueCacheCdiContract {
    private static final String PREFIX = "restdatasource.memcached.";
    private static MemcachedTestServer server;
    private static MemcachedTestServer applicationServer;

    @BeforeAll
    static void startServers() {
        server = MemcachedTestServer.start(1_024);
        applicationServer = MemcachedTestServer.start(1_024);
    }

    @AfterAll
    static void stopServers() {
        server.stop();
        applicationServer.stop();
    }

    @Override
    protected String prefix() {
        return PREFIX;
    }

    @Override
    protected Extension extension() {
        return new MemcachedCacheExtension();
    }

    /**
     * memcached is only ever a client: the contract's client tests and wrong settings run on these. The op timeout is
     * generous: these tests check where an answer comes from, and a busy machine must not turn a slow call into a miss.
     */
    @Override
    protected Map<String, String> clientSettings() {
        return Map.of(PREFIX + "servers", server.address(), PREFIX + "heal-interval", "200ms", PREFIX + "op-timeout", "10s");
    }

    /** Connected: the client is up and knows its server; closed: shut down. */
    @Override
    protected boolean clientRunning(KeyValueCache store) {
        MemcachedClient client = ((MemcachedKeyValueCache) store).client();
        return !client.isShutdown() && !client.getAvailableServers().isEmpty();
    }

    @Override
    protected Class<?> applicationClientBean() {
        return ApplicationClient.class;
    }

    @Override
    protected boolean usesApplicationClient(KeyValueCache store) {
        String name = ((MemcachedKeyValueCache) store).client().getName(); // creates the application's client
        return name.equals(ApplicationClient.last.getName());
    }

    @Override
    protected List<String[]> badSettings() {
        return List.of(
                new String[] {"servers", " , ", PREFIX + "servers must list at least one host:port"},
                new String[] {"servers", "host", PREFIX + "servers: 'host' must be host:port with a port within 1..65535"},
                new String[] {"servers", "127.0.0.1:0", PREFIX + "servers: '127.0.0.1:0' must be host:port with a port"
                        + " within 1..65535"},
                new String[] {"op-timeout", "soon", PREFIX + "op-timeout: 'soon' is not a duration"},
                new String[] {"heal-interval", "0s", PREFIX + "heal-interval must be positive: PT0S"},
                new String[] {"failure-mode", "yes", PREFIX + "failure-mode: 'yes' must be true or false"},
                new String[] {"connection-pool-size", "0", PREFIX + "connection-pool-size must be within 1..64: 0"},
                new String[] {"max-item-size", "big", PREFIX + "max-item-size"},
                new String[] {"sever", "x", PREFIX + "sever: unknown key"});
    }

    /** The application's own client, on the application's server, named uniquely, shut down by the application. */
    @ApplicationScoped
    static class ApplicationClient {
        static volatile MemcachedClient last;

        @Produces
        @ApplicationScoped
        MemcachedClient client() throws IOException {
            XMemcachedClientBuilder builder = new XMemcachedClientBuilder(applicationServer.address());
            builder.setName("application-" + UUID.randomUUID());
            last = builder.build();
            return last;
        }

        void stop(@Disposes MemcachedClient client) throws IOException {
            client.shutdown();
        }
    }
}

package dev.restdatasource.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.cache.testkit.KeyValueCacheCdiContract;
import dev.restdatasource.cache.testkit.LoopbackPorts;
import dev.restdatasource.hazelcast.cdi.HazelcastCacheExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;

/** The CDI wiring of restdatasource-hazelcast (modes {@code embedded} and {@code client}) under Weld SE and SmallRye Config. */
class HazelcastCdiTest extends KeyValueCacheCdiContract {
    private static final String PREFIX = "restdatasource.hazelcast.";
    private final int port = LoopbackPorts.free(1, 15_000, 20_000, 0).get(0);
    private HazelcastInstance member;

    @Override
    protected String prefix() {
        return PREFIX;
    }

    @Override
    protected Extension extension() {
        return new HazelcastCacheExtension();
    }

    @Override
    protected Map<String, String> ownNodeSettings() {
        return Map.of(PREFIX + "mode", "embedded",
                PREFIX + "cluster-name", "rds-cdi-" + UUID.randomUUID(),
                PREFIX + "port", Integer.toString(port),
                PREFIX + "members", "127.0.0.1:" + port,
                PREFIX + "backup-count", "0");
    }

    @Override
    protected int ownNodePort() {
        return port;
    }

    @Override
    protected Class<?> applicationEngineBean() {
        return ApplicationInstance.class;
    }

    @Override
    protected int entriesInApplicationEngine() {
        return ApplicationInstance.last.getMap(HazelcastMemberSettings.defaults().mapName()).size();
    }

    /** Mode {@code client}: a client to a member this test starts on 127.0.0.1, stopped after the test. */
    @Override
    protected Map<String, String> clientSettings() {
        TestMembers members = new TestMembers(1);
        member = Hazelcast.newHazelcastInstance(HazelcastCaches.memberConfig(members.member(0)));
        return Map.of(PREFIX + "mode", "client",
                PREFIX + "cluster-name", members.clusterName(),
                PREFIX + "addresses", members.addresses().get(0));
    }

    /**
     * Connected: the client knows the member, the member counts it, and a call through the store answers (the client
     * starts asynchronously: it may list the member a moment before its calls stop failing as offline, and a failed
     * call would open the engine's circuit breaker); closed: none of these any more.
     */
    @Override
    protected boolean clientRunning(KeyValueCache store) {
        boolean clientUp = HazelcastClient.getAllHazelcastClients().stream()
                .anyMatch(c -> !c.getCluster().getMembers().isEmpty());
        return clientUp && !member.getClientService().getConnectedClients().isEmpty() && answers(store);
    }

    private static boolean answers(KeyValueCache store) {
        try {
            store.get("connected-probe").toCompletableFuture().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @AfterEach
    void stopMember() {
        if (member != null) {
            member.shutdown();
            member = null;
        }
    }

    @Override
    protected List<String[]> badSettings() {
        return List.of(
                new String[] {"mode", "server", PREFIX + "mode must be embedded or client: server"},
                new String[] {"port", "0", PREFIX + "port must be within 1..65535: 0"},
                new String[] {"port", "abc", PREFIX + "port"},
                new String[] {"backup-count", "7", PREFIX + "backup-count must be within 0..6: 7"},
                new String[] {"members", " , ", PREFIX + "members must list at least one host:port"},
                new String[] {"mode", "client", PREFIX + "addresses"});
    }

    /** The application's own member: loopback only, no join (a cluster of one), stopped by the application. */
    @ApplicationScoped
    static class ApplicationInstance {
        static volatile HazelcastInstance last;

        @Produces
        @ApplicationScoped
        HazelcastInstance instance() {
            Config config = new Config().setClusterName("rds-cdi-app-" + UUID.randomUUID());
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.getNetworkConfig().setPort(LoopbackPorts.free(1, 20_000, 25_000, 0).get(0)).setPortAutoIncrement(false);
            config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
            config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
            config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
            last = Hazelcast.newHazelcastInstance(config);
            return last;
        }

        void stop(@Disposes HazelcastInstance instance) {
            instance.shutdown();
        }
    }
}

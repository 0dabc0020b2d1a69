package dev.restdatasource.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link HazelcastKeyValueCache} stores that own their Hazelcast member or client: closing the store
 * shuts it down. For an instance or map the application manages itself use {@link HazelcastKeyValueCache#of}.
 *
 * <p>Stateless and thread-safe. A member that cannot start (port in use) throws Hazelcast's runtime
 * exception from {@link #member}.
 */
public final class HazelcastCaches {
    /** The map used when none is named. */
    public static final String DEFAULT_MAP_NAME = "restdatasource-http";

    private HazelcastCaches() {
    }

    /** The member configuration for {@code settings}; exposed so applications can start from it. */
    public static Config memberConfig(HazelcastMemberSettings settings) {
        Config config = new Config();
        config.setClassLoader(applicationClassLoader());
        config.setClusterName(settings.clusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(settings.interfaceAddress());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
        config.getMapConfig(settings.mapName()).setBackupCount(settings.backupCount());
        return config;
    }

    /**
     * Starts a member that joins (or forms) the cluster of {@code settings} and returns a store on its map.
     * Blocks until the member has joined (Hazelcast waits {@code hazelcast.wait.seconds.before.join}, default
     * 5 s, for the first member).
     */
    public static HazelcastKeyValueCache member(HazelcastMemberSettings settings) {
        return HazelcastKeyValueCache.owning(Hazelcast.newHazelcastInstance(memberConfig(settings)),
                settings.mapName());
    }

    /**
     * The client configuration for a cache: connects to {@code addresses} ({@code host:port}) of cluster
     * {@code clusterName}; starts without waiting for the cluster and reconnects in the background, retrying
     * forever with a backoff of 100 ms up to 1 s. While it is disconnected every call fails at once, which
     * the engine counts as a miss.
     */
    public static ClientConfig clientConfig(String clusterName, List<String> addresses) {
        ClientConfig config = new ClientConfig();
        config.setClassLoader(applicationClassLoader());
        config.setClusterName(HazelcastMemberSettings.nonBlank(clusterName, "cluster-name"));
        config.getNetworkConfig().setAddresses(List.copyOf(Objects.requireNonNull(addresses, "addresses")));
        ClientConnectionStrategyConfig strategy = config.getConnectionStrategyConfig();
        strategy.setAsyncStart(true);
        strategy.setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC);
        strategy.getConnectionRetryConfig()
                .setInitialBackoffMillis(100)
                .setMaxBackoffMillis(1_000)
                .setClusterConnectTimeoutMillis(-1);
        return config;
    }

    /**
     * The class loader Hazelcast gives its threads as context class loader: the caller's context class loader (in a
     * server, the application's), else this library's. The engine's continuations run on the threads that complete
     * Hazelcast's futures, and they look up services (JSON-B, ...) through that class loader; without it a WAR on
     * Open Liberty failed with "Provider org.eclipse.yasson.JsonBindingProvider not found".
     */
    static ClassLoader applicationClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : HazelcastCaches.class.getClassLoader();
    }

    /** Starts a client ({@link #clientConfig}) and returns a store on its map {@code mapName}. */
    public static HazelcastKeyValueCache client(String clusterName, List<String> addresses, String mapName) {
        return HazelcastKeyValueCache.owning(HazelcastClient.newHazelcastClient(clientConfig(clusterName, addresses)),
                HazelcastMemberSettings.nonBlank(mapName, "map-name"));
    }
}

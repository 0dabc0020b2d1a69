package dev.restdatasource.infinispan.cdi;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.backend.HostPort;
import dev.restdatasource.backend.InvalidSettingsException;
import dev.restdatasource.backend.SettingsReader;
import dev.restdatasource.infinispan.InfinispanCaches;
import dev.restdatasource.infinispan.InfinispanKeyValueCache;
import dev.restdatasource.infinispan.InfinispanNodeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * Produces the application's {@link KeyValueCache} on Infinispan from MicroProfile Config; added only by
 * {@link InfinispanCacheExtension} when {@value #MODE} is set. Keys (prefix {@value #PREFIX}):
 * <ul>
 *   <li>{@code mode}: {@code embedded} (a clustered node in this server) or {@code remote} (a Hot Rod client);</li>
 *   <li>embedded: {@code cluster-name} (default {@code restdatasource}), {@code bind-address} ({@code 127.0.0.1}),
 *       {@code bind-port} ({@code 7800}), {@code initial-hosts} ({@code 127.0.0.1[7800]}), {@code owners}
 *       ({@code 2});</li>
 *   <li>remote: {@code servers} (required, {@code host:port;host:port});</li>
 *   <li>both: {@code cache-name} ({@code restdatasource-http}).</li>
 * </ul>
 * When the application has an {@link EmbeddedCacheManager} bean (mode {@code embedded}) or a
 * {@link RemoteCacheManager} bean (mode {@code remote}), the store uses that manager's cache
 * {@code cache-name} and leaves the manager to the application; otherwise the store starts its own node or
 * client, stopped when the application stops.
 *
 * <p>Failure: wrong values fail deployment (the extension checks every key at deployment validation), all reported
 * together, each message naming the full key, e.g. {@code restdatasource.infinispan.bind-port}. Thread-safety: CDI calls the
 * producer once per application.
 */
@ApplicationScoped
public class InfinispanCacheProducer {
    /** The prefix of every key. */
    public static final String PREFIX = "restdatasource.infinispan.";
    /** The key that turns the producer on. */
    public static final String MODE = PREFIX + "mode";

    @Produces
    @ApplicationScoped
    KeyValueCache keyValueCache(Instance<EmbeddedCacheManager> embedded, Instance<RemoteCacheManager> remote) {
        Choice choice = read(ConfigProvider.getConfig());
        if (choice.node() != null) {
            return embedded.isResolvable()
                    ? InfinispanKeyValueCache.of(embedded.get(), choice.cacheName())
                    : InfinispanCaches.embedded(choice.node());
        }
        return remote.isResolvable()
                ? InfinispanKeyValueCache.of(remote.get(), choice.cacheName())
                : InfinispanCaches.remote(choice.servers(), choice.cacheName());
    }

    void close(@Disposes KeyValueCache cache) throws Exception {
        if (cache instanceof InfinispanKeyValueCache store) {
            store.close();
        }
    }

    /**
     * What {@code config} asks for, every value checked; starts nothing. {@link InfinispanCacheExtension} calls it
     * at deployment validation so that wrong values fail the deployment.
     *
     * @throws InvalidSettingsException listing every wrong value (and a required key that is missing), each message
     *                                  naming the full key
     */
    static Choice read(Config config) {
        SettingsReader r = new SettingsReader(config);
        String mode = r.required(MODE) == null ? null : r.oneOf(MODE, null, "embedded", "remote");
        String cacheName = r.string(PREFIX + "cache-name", InfinispanCaches.DEFAULT_CACHE_NAME);
        Choice choice = null;
        if ("embedded".equals(mode)) {
            InfinispanNodeSettings node = settings(r, cacheName);
            choice = node == null ? null : new Choice(node, null, cacheName);
        } else if ("remote".equals(mode)) {
            String servers = r.required(PREFIX + "servers") == null ? null : servers(r);
            choice = servers == null ? null : new Choice(null, servers, cacheName);
        }
        r.throwIfProblems();
        return choice;
    }

    /**
     * {@code servers} checked and normalized to {@code host[:port];...}: at least one entry (separated by {@code ;} or
     * {@code ,}), each with a host and, when it has a port, a port within 1..65535. Without this check the Hot Rod client
     * (16.0.7) turned a blank value into a server with an empty host on port 11222 (this machine), took port 70000
     * as given, and a port that is not a number failed only on the first cache call instead of at deployment.
     *
     * @throws IllegalArgumentException naming the full key
     */
    static String servers(String servers) {
        return joined(HostPort.parseList(PREFIX + "servers", servers, false));
    }

    private static String servers(SettingsReader r) {
        List<HostPort> servers = r.hostPorts(PREFIX + "servers", false, List.of());
        return servers.isEmpty() ? null : joined(servers);
    }

    private static String joined(List<HostPort> servers) {
        return servers.stream().map(HostPort::toString).collect(Collectors.joining(";"));
    }

    /** The node settings from {@code r}, each missing key taking its default; {@code null} when one is wrong. */
    static InfinispanNodeSettings settings(SettingsReader r, String cacheName) {
        InfinispanNodeSettings d = InfinispanNodeSettings.defaults();
        String clusterName = r.string(PREFIX + "cluster-name", d.clusterName());
        String bindAddress = r.string(PREFIX + "bind-address", d.bindAddress());
        int bindPort = r.integer(PREFIX + "bind-port", d.bindPort());
        String initialHosts = r.string(PREFIX + "initial-hosts", d.initialHosts());
        int owners = r.integer(PREFIX + "owners", d.owners());
        // The record names its components by their short key ("bind-port must be ..."): the reader adds the prefix.
        return r.check(PREFIX, () -> new InfinispanNodeSettings(clusterName, bindAddress, bindPort, initialHosts,
                cacheName, owners));
    }

    /**
     * The checked configuration: an embedded node ({@code node} set) or a Hot Rod client ({@code servers} set).
     *
     * @param node      the node settings in mode {@code embedded}, else null
     * @param servers   the Hot Rod servers in mode {@code remote}, else null
     * @param cacheName the cache holding the entries
     */
    record Choice(InfinispanNodeSettings node, String servers, String cacheName) {
    }
}

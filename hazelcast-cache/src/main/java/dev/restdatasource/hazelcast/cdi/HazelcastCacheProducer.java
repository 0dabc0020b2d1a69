package dev.restdatasource.hazelcast.cdi;

import com.hazelcast.core.HazelcastInstance;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.backend.HostPort;
import dev.restdatasource.backend.InvalidSettingsException;
import dev.restdatasource.backend.SettingsReader;
import dev.restdatasource.hazelcast.HazelcastCaches;
import dev.restdatasource.hazelcast.HazelcastKeyValueCache;
import dev.restdatasource.hazelcast.HazelcastMemberSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the application's {@link KeyValueCache} on Hazelcast from MicroProfile Config; added only by
 * {@link HazelcastCacheExtension} when {@value #MODE} is set. Keys (prefix {@value #PREFIX}):
 * <ul>
 *   <li>{@code mode}: {@code embedded} (a member in this server) or {@code client} (a client of an existing
 *       cluster);</li>
 *   <li>embedded: {@code interface} (default {@code 127.0.0.1}), {@code port} ({@code 5701}), {@code members}
 *       ({@code 127.0.0.1:5701}; comma-separated {@code host:port}, one per member), {@code backup-count}
 *       ({@code 1});</li>
 *   <li>client: {@code addresses} (required, comma-separated {@code host:port});</li>
 *   <li>both: {@code cluster-name} ({@code restdatasource}), {@code map-name} ({@code restdatasource-http}).</li>
 * </ul>
 * When the application has a {@link HazelcastInstance} bean, the store uses that instance's map
 * {@code map-name} whatever the mode, and leaves the instance to the application; otherwise the store starts
 * its own member or client, shut down when the application stops.
 *
 * <p>Failure: wrong values fail deployment (the extension checks every key at deployment validation), all reported
 * together, each message naming the full key, e.g. {@code restdatasource.hazelcast.port}. Thread-safety: CDI calls the
 * producer once per application.
 */
@ApplicationScoped
public class HazelcastCacheProducer {
    /** The prefix of every key. */
    public static final String PREFIX = "restdatasource.hazelcast.";
    /** The key that turns the producer on. */
    public static final String MODE = PREFIX + "mode";

    @Produces
    @ApplicationScoped
    KeyValueCache keyValueCache(Instance<HazelcastInstance> application) {
        Choice choice = read(ConfigProvider.getConfig());
        if (application.isResolvable()) {
            return HazelcastKeyValueCache.of(application.get(), choice.mapName());
        }
        return choice.member() != null
                ? HazelcastCaches.member(choice.member())
                : HazelcastCaches.client(choice.clusterName(), choice.addresses(), choice.mapName());
    }

    /**
     * What {@code config} asks for, every value checked; starts nothing. {@link HazelcastCacheExtension} calls it at
     * deployment validation so that wrong values fail the deployment.
     *
     * @throws InvalidSettingsException listing every wrong value (and a required key that is missing), each message
     *                                  naming the full key
     */
    static Choice read(Config config) {
        SettingsReader r = new SettingsReader(config);
        String mode = r.required(MODE) == null ? null : r.oneOf(MODE, null, "embedded", "client");
        HazelcastMemberSettings d = HazelcastMemberSettings.defaults();
        String mapName = r.string(PREFIX + "map-name", d.mapName());
        String clusterName = r.string(PREFIX + "cluster-name", d.clusterName());
        Choice choice = null;
        if ("client".equals(mode)) {
            List<HostPort> addresses = r.required(PREFIX + "addresses") == null ? List.of()
                    : r.hostPorts(PREFIX + "addresses", false, List.of());
            choice = new Choice(null, clusterName, addresses.stream().map(HostPort::toString).toList(), mapName);
        } else if ("embedded".equals(mode)) {
            String interfaceAddress = r.string(PREFIX + "interface", d.interfaceAddress());
            int port = r.integer(PREFIX + "port", d.port());
            List<String> members = r.list(PREFIX + "members", d.members());
            int backupCount = r.integer(PREFIX + "backup-count", d.backupCount());
            // The record names its components by their short key ("port must be ..."): the reader adds the prefix.
            HazelcastMemberSettings member = r.check(PREFIX, () -> new HazelcastMemberSettings(clusterName,
                    interfaceAddress, port, members, mapName, backupCount));
            choice = new Choice(member, clusterName, null, mapName);
        }
        r.throwIfProblems();
        return choice;
    }

    /**
     * The checked configuration: an embedded member ({@code member} set) or a client ({@code addresses} set).
     *
     * @param member      the member settings in mode {@code embedded}, else null
     * @param clusterName the cluster name
     * @param addresses   the cluster addresses in mode {@code client}, else null
     * @param mapName     the map holding the entries
     */
    record Choice(HazelcastMemberSettings member, String clusterName, List<String> addresses, String mapName) {
    }

    void close(@Disposes KeyValueCache cache) {
        if (cache instanceof HazelcastKeyValueCache store) {
            store.close();
        }
    }
}

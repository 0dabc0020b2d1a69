package dev.restdatasource.hazelcast.cdi;

import com.hazelcast.core.HazelcastInstance;
import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.backend.HostPort;
import dev.restdatasource.hazelcast.HazelcastCaches;
import dev.restdatasource.hazelcast.HazelcastKeyValueCache;
import dev.restdatasource.hazelcast.HazelcastMemberSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * <p>Failure: a wrong value fails deployment (the extension checks every key at deployment validation) with a
 * message naming the full key, e.g. {@code restdatasource.hazelcast.port}. Thread-safety: CDI calls the
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
     * deployment validation so that a wrong value fails the deployment.
     *
     * @throws IllegalArgumentException (or MicroProfile Config's exception for a value that does not convert or a
     *                                  required key that is missing) with a message naming the full key
     */
    static Choice read(Config config) {
        String mode = config.getValue(MODE, String.class).trim().toLowerCase(Locale.ROOT);
        HazelcastMemberSettings d = HazelcastMemberSettings.defaults();
        String mapName = config.getOptionalValue(PREFIX + "map-name", String.class).orElse(d.mapName());
        String clusterName = config.getOptionalValue(PREFIX + "cluster-name", String.class).orElse(d.clusterName());
        if (mode.equals("client")) {
            List<String> addresses = HostPort.parseList(PREFIX + "addresses",
                    config.getValue(PREFIX + "addresses", String.class), false).stream().map(HostPort::toString).toList();
            return new Choice(null, clusterName, addresses, mapName);
        }
        if (!mode.equals("embedded")) {
            throw new IllegalArgumentException(MODE + " must be embedded or client: " + mode);
        }
        String interfaceAddress = config.getOptionalValue(PREFIX + "interface", String.class)
                .orElse(d.interfaceAddress());
        int port = config.getOptionalValue(PREFIX + "port", Integer.class).orElse(d.port());
        List<String> members = config.getOptionalValue(PREFIX + "members", String.class)
                .map(HazelcastCacheProducer::list).orElse(d.members());
        int backupCount = config.getOptionalValue(PREFIX + "backup-count", Integer.class).orElse(d.backupCount());
        try {
            return new Choice(new HazelcastMemberSettings(clusterName, interfaceAddress, port, members, mapName,
                    backupCount), clusterName, null, mapName);
        } catch (IllegalArgumentException e) {
            // The record names its components by their short key ("port must be ..."): give the full key.
            throw new IllegalArgumentException(PREFIX + e.getMessage(), e);
        }
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

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

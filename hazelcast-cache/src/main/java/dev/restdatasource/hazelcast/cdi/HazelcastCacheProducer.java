package dev.restdatasource.hazelcast.cdi;

import com.hazelcast.core.HazelcastInstance;
import dev.restdatasource.cache.KeyValueCache;
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
 * <p>Failure: a wrong value fails the first use of the bean (normally deployment) with an exception naming the
 * key. Thread-safety: CDI calls the producer once per application.
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
        Config config = ConfigProvider.getConfig();
        String mode = config.getValue(MODE, String.class).trim().toLowerCase(Locale.ROOT);
        HazelcastMemberSettings d = HazelcastMemberSettings.defaults();
        String mapName = config.getOptionalValue(PREFIX + "map-name", String.class).orElse(d.mapName());
        String clusterName = config.getOptionalValue(PREFIX + "cluster-name", String.class).orElse(d.clusterName());
        if (!mode.equals("embedded") && !mode.equals("client")) {
            throw new IllegalArgumentException(MODE + " must be embedded or client: " + mode);
        }
        if (application.isResolvable()) {
            return HazelcastKeyValueCache.of(application.get(), mapName);
        }
        if (mode.equals("client")) {
            return HazelcastCaches.client(clusterName, list(config.getValue(PREFIX + "addresses", String.class)),
                    mapName);
        }
        return HazelcastCaches.member(new HazelcastMemberSettings(clusterName,
                config.getOptionalValue(PREFIX + "interface", String.class).orElse(d.interfaceAddress()),
                config.getOptionalValue(PREFIX + "port", Integer.class).orElse(d.port()),
                config.getOptionalValue(PREFIX + "members", String.class).map(HazelcastCacheProducer::list)
                        .orElse(d.members()),
                mapName,
                config.getOptionalValue(PREFIX + "backup-count", Integer.class).orElse(d.backupCount())));
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

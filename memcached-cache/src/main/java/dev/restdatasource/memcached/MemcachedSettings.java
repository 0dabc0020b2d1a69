package dev.restdatasource.memcached;

import dev.restdatasource.backend.HostPort;
import dev.restdatasource.backend.InvalidSettingsException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link MemcachedCaches#client} builds its xmemcached client and store. The names in brackets are the MicroProfile
 * Config keys (prefix {@code restdatasource.memcached.}) and the options of Apollo's memcached store they stand for.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return copies. The constructor checks every component and
 * throws {@link NullPointerException} for a missing one, or an {@link InvalidSettingsException} (an
 * {@link IllegalArgumentException}) listing every wrong one, each message starting with the key at fault.
 *
 * @param servers            the servers, {@code host:port} each, port 1..65535, at least one; keys are spread over
 *                           them by consistent (Ketama) hashing ({@code servers}; Apollo's server list)
 * @param opTimeout          how long one memcached operation may wait for its answer ({@code op-timeout}; Apollo's
 *                           {@code timeout}); the engine's own cache timeout, usually shorter, still bounds requests
 * @param connectTimeout     how long connecting to one server may take ({@code connect-timeout})
 * @param healInterval       how often a lost connection is retried ({@code heal-interval}; Apollo's {@code retry})
 * @param failureMode        true: a server that is down keeps its share of the keys, which are misses until it is
 *                           back; false: its keys are rehashed onto the other servers while it is down
 *                           ({@code failure-mode}; Apollo's {@code remove} is the opposite)
 * @param connectionPoolSize connections per server ({@code connection-pool-size}; Apollo's {@code poolSize}), 1..64
 * @param maxItemSize        the largest value stored, in bytes: larger ones are skipped ({@code max-item-size};
 *                           memcached's {@code -I}; Apollo's {@code maxValue}), 1..1 GiB
 */
public record MemcachedSettings(List<String> servers, Duration opTimeout, Duration connectTimeout,
        Duration healInterval, boolean failureMode, int connectionPoolSize, int maxItemSize) {
    /** memcached's default item size limit ({@code -I 1m}). */
    public static final int DEFAULT_MAX_ITEM_SIZE = 1 << 20;

    /** Checks every component, reporting every wrong one at once; {@code servers} is copied. */
    public MemcachedSettings {
        servers = List.copyOf(Objects.requireNonNull(servers, "servers"));
        Objects.requireNonNull(opTimeout, "op-timeout");
        Objects.requireNonNull(connectTimeout, "connect-timeout");
        Objects.requireNonNull(healInterval, "heal-interval");
        List<String> problems = new ArrayList<>();
        if (servers.isEmpty()) {
            problems.add("servers must list at least one host:port");
        }
        servers.forEach(server -> InvalidSettingsException.collect(problems, () -> address(server)));
        positive(opTimeout, "op-timeout", problems);
        positive(connectTimeout, "connect-timeout", problems);
        positive(healInterval, "heal-interval", problems);
        if (connectionPoolSize < 1 || connectionPoolSize > 64) {
            problems.add("connection-pool-size must be within 1..64: " + connectionPoolSize);
        }
        if (maxItemSize < 1 || maxItemSize > 1 << 30) {
            problems.add("max-item-size must be within 1..1073741824: " + maxItemSize);
        }
        InvalidSettingsException.throwIfAny(problems);
    }

    /**
     * {@code servers} with the defaults: op-timeout 500 ms, connect-timeout 1 s, heal-interval 2 s, failure-mode on,
     * 1 connection per server, max-item-size 1 MiB.
     */
    public static MemcachedSettings of(List<String> servers) {
        return new MemcachedSettings(servers, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                true, 1, DEFAULT_MAX_ITEM_SIZE);
    }

    /** A copy with {@code opTimeout}. */
    public MemcachedSettings withOpTimeout(Duration opTimeout) {
        return new MemcachedSettings(servers, opTimeout, connectTimeout, healInterval, failureMode, connectionPoolSize,
                maxItemSize);
    }

    /** A copy with {@code healInterval}. */
    public MemcachedSettings withHealInterval(Duration healInterval) {
        return new MemcachedSettings(servers, opTimeout, connectTimeout, healInterval, failureMode, connectionPoolSize,
                maxItemSize);
    }

    /** A copy with {@code failureMode}. */
    public MemcachedSettings withFailureMode(boolean failureMode) {
        return new MemcachedSettings(servers, opTimeout, connectTimeout, healInterval, failureMode, connectionPoolSize,
                maxItemSize);
    }

    /** A copy with {@code maxItemSize}. */
    public MemcachedSettings withMaxItemSize(int maxItemSize) {
        return new MemcachedSettings(servers, opTimeout, connectTimeout, healInterval, failureMode, connectionPoolSize,
                maxItemSize);
    }

    /** The servers as socket addresses (host names resolved now; an unknown one stays unresolved). */
    public List<InetSocketAddress> addresses() {
        return servers.stream().map(MemcachedSettings::address)
                .map(a -> new InetSocketAddress(a.getHostString(), a.getPort())).toList();
    }

    /**
     * {@code host:port} (an IPv6 host in brackets, {@code [::1]:11211}) as an address, resolving nothing.
     *
     * @throws IllegalArgumentException naming {@code servers} when the host is missing or the port is not 1..65535
     */
    static InetSocketAddress address(String server) {
        HostPort address = HostPort.parse("servers", Objects.requireNonNull(server, "servers"), true);
        return InetSocketAddress.createUnresolved(address.host(), address.port());
    }

    private static void positive(Duration value, String name, List<String> problems) {
        if (value.isZero() || value.isNegative()) {
            problems.add(name + " must be positive: " + value);
        }
    }
}

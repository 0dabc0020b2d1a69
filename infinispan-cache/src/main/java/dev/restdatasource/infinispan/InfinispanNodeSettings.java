package dev.restdatasource.infinispan;

import dev.restdatasource.backend.InvalidSettingsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an embedded clustered Infinispan node is built by {@link InfinispanCaches#embedded}: the JGroups TCP
 * stack (bind address and port, the TCPPING initial hosts; never multicast) and the distributed cache.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return copies. Every component is non-null
 * (blank strings are refused) and numbers are in range, or the constructor throws
 * {@link NullPointerException} naming a missing setting, or an {@link InvalidSettingsException} (an
 * {@link IllegalArgumentException}) listing every wrong one.
 *
 * @param clusterName  the JGroups cluster name; nodes join only a cluster of the same name
 * @param bindAddress  the address JGroups (TCP and FD_SOCK2) binds to
 * @param bindPort     the TCP port of this node (FD_SOCK2 listens at this port + 50000)
 * @param initialHosts TCPPING's {@code initial_hosts}, e.g. {@code "127.0.0.1[7800],127.0.0.1[7801]"}; each
 *                     host is also probed at the next {@value #PORT_RANGE} ports
 * @param cacheName    the distributed cache holding the entries
 * @param owners       how many nodes hold each entry (1 or more)
 */
public record InfinispanNodeSettings(String clusterName, String bindAddress, int bindPort, String initialHosts,
        String cacheName, int owners) {
    /** How many ports after each initial host TCPPING also probes. */
    public static final int PORT_RANGE = 3;

    /** Validates every component, reporting every wrong one at once. */
    public InfinispanNodeSettings {
        List<String> problems = new ArrayList<>();
        clusterName = nonBlank(clusterName, "cluster-name", problems);
        bindAddress = nonBlank(bindAddress, "bind-address", problems);
        initialHosts = nonBlank(initialHosts, "initial-hosts", problems);
        cacheName = nonBlank(cacheName, "cache-name", problems);
        if (bindPort < 1 || bindPort > 65_535 - 50_000) {
            problems.add("bind-port must be within 1..15535 (FD_SOCK2 uses port + 50000): " + bindPort);
        }
        if (owners < 1) {
            problems.add("owners must be at least 1: " + owners);
        }
        InvalidSettingsException.throwIfAny(problems);
    }

    /**
     * Cluster {@code restdatasource} on 127.0.0.1:7800, initial hosts {@code 127.0.0.1[7800]}, cache
     * {@code restdatasource-http}, 2 owners.
     */
    public static InfinispanNodeSettings defaults() {
        return new InfinispanNodeSettings("restdatasource", "127.0.0.1", 7800, "127.0.0.1[7800]",
                "restdatasource-http", 2);
    }

    /** A copy with {@code clusterName}. */
    public InfinispanNodeSettings withClusterName(String clusterName) {
        return new InfinispanNodeSettings(clusterName, bindAddress, bindPort, initialHosts, cacheName, owners);
    }

    /** A copy with {@code bindAddress}. */
    public InfinispanNodeSettings withBindAddress(String bindAddress) {
        return new InfinispanNodeSettings(clusterName, bindAddress, bindPort, initialHosts, cacheName, owners);
    }

    /** A copy with {@code bindPort}. */
    public InfinispanNodeSettings withBindPort(int bindPort) {
        return new InfinispanNodeSettings(clusterName, bindAddress, bindPort, initialHosts, cacheName, owners);
    }

    /** A copy with {@code initialHosts}. */
    public InfinispanNodeSettings withInitialHosts(String initialHosts) {
        return new InfinispanNodeSettings(clusterName, bindAddress, bindPort, initialHosts, cacheName, owners);
    }

    /** A copy with {@code cacheName}. */
    public InfinispanNodeSettings withCacheName(String cacheName) {
        return new InfinispanNodeSettings(clusterName, bindAddress, bindPort, initialHosts, cacheName, owners);
    }

    /** A copy with {@code owners}. */
    public InfinispanNodeSettings withOwners(int owners) {
        return new InfinispanNodeSettings(clusterName, bindAddress, bindPort, initialHosts, cacheName, owners);
    }

    /**
     * The Infinispan XML configuration of this node: a JGroups stack {@code restdatasource-tcp} (TCP,
     * TCPPING, MERGE3, FD_SOCK2, FD_ALL3, VERIFY_SUSPECT2, NAKACK2, UNICAST3, STABLE, GMS, UFC, MFC, FRAG4;
     * no multicast discovery) and a synchronous distributed cache. GMS's join timeout honours the
     * {@code jgroups.join_timeout} system property (default 2 s).
     */
    public String toXml() {
        return """
                <infinispan xmlns="urn:infinispan:config:16.1">
                  <jgroups>
                    <stack name="restdatasource-tcp">
                      <TCP bind_addr="%2$s" bind_port="%3$d" port_range="0" thread_naming_pattern="pl"
                           sock_conn_timeout="300ms" tcp_nodelay="true" diag.enabled="false"/>
                      <TCPPING initial_hosts="%4$s" port_range="%7$d"/>
                      <MERGE3 min_interval="10s" max_interval="30s"/>
                      <FD_SOCK2 bind_addr="%2$s" offset="50000"/>
                      <FD_ALL3/>
                      <VERIFY_SUSPECT2 timeout="1s"/>
                      <pbcast.NAKACK2 use_mcast_xmit="false" xmit_interval="200ms"/>
                      <UNICAST3 xmit_interval="200ms"/>
                      <pbcast.STABLE desired_avg_gossip="5s" max_bytes="1M"/>
                      <pbcast.GMS print_local_addr="false" join_timeout="${jgroups.join_timeout:2000}"/>
                      <UFC max_credits="4m" min_threshold="0.40"/>
                      <MFC max_credits="4m" min_threshold="0.40"/>
                      <FRAG4 frag_size="60k"/>
                    </stack>
                  </jgroups>
                  <cache-container name="restdatasource">
                    <transport cluster="%1$s" stack="restdatasource-tcp"/>
                    <distributed-cache name="%5$s" owners="%6$d" mode="SYNC" statistics="false"/>
                  </cache-container>
                </infinispan>
                """.formatted(xml(clusterName), xml(bindAddress), bindPort, xml(initialHosts), xml(cacheName), owners,
                PORT_RANGE);
    }

    private static String nonBlank(String value, String name, List<String> problems) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            problems.add(name + " must not be blank");
        }
        return value.strip();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

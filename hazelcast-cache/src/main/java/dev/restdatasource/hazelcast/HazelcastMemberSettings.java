package dev.restdatasource.hazelcast;

import dev.restdatasource.backend.InvalidSettingsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an embedded Hazelcast member is built by {@link HazelcastCaches#member}: TCP-IP join with the members
 * listed one by one (multicast and auto-detection off), bound to one interface, phone-home off.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return copies. Every component is non-null (blank
 * strings are refused), {@code members} is not empty, and numbers are in range, or the constructor throws
 * {@link NullPointerException} naming a missing setting, or an {@link InvalidSettingsException} (an
 * {@link IllegalArgumentException}) listing every wrong one.
 *
 * @param clusterName      the cluster name; members join only a cluster of the same name
 * @param interfaceAddress the one interface the member binds to and announces
 * @param port             this member's port (no auto-increment)
 * @param members          the TCP-IP members, one {@code host:port} each (Hazelcast refuses port ranges here)
 * @param mapName          the map holding the entries
 * @param backupCount      synchronous backups per entry (1: two copies in the cluster), 0..6
 */
public record HazelcastMemberSettings(String clusterName, String interfaceAddress, int port, List<String> members,
        String mapName, int backupCount) {

    /** Validates every component, reporting every wrong one at once; {@code members} is copied. */
    public HazelcastMemberSettings {
        List<String> problems = new ArrayList<>();
        clusterName = nonBlank(clusterName, "cluster-name", problems);
        interfaceAddress = nonBlank(interfaceAddress, "interface", problems);
        mapName = nonBlank(mapName, "map-name", problems);
        members = List.copyOf(Objects.requireNonNull(members, "members"));
        if (members.isEmpty()) {
            problems.add("members must list at least one host:port");
        }
        members.forEach(m -> nonBlank(m, "members", problems));
        if (port < 1 || port > 65_535) {
            problems.add("port must be within 1..65535: " + port);
        }
        if (backupCount < 0 || backupCount > 6) {
            problems.add("backup-count must be within 0..6: " + backupCount);
        }
        InvalidSettingsException.throwIfAny(problems);
    }

    /** Cluster {@code restdatasource} on 127.0.0.1:5701, members {@code 127.0.0.1:5701}, map {@code restdatasource-http}, 1 backup. */
    public static HazelcastMemberSettings defaults() {
        return new HazelcastMemberSettings("restdatasource", "127.0.0.1", 5701, List.of("127.0.0.1:5701"),
                "restdatasource-http", 1);
    }

    /** A copy with {@code clusterName}. */
    public HazelcastMemberSettings withClusterName(String clusterName) {
        return new HazelcastMemberSettings(clusterName, interfaceAddress, port, members, mapName, backupCount);
    }

    /** A copy with {@code interfaceAddress}. */
    public HazelcastMemberSettings withInterfaceAddress(String interfaceAddress) {
        return new HazelcastMemberSettings(clusterName, interfaceAddress, port, members, mapName, backupCount);
    }

    /** A copy with {@code port}. */
    public HazelcastMemberSettings withPort(int port) {
        return new HazelcastMemberSettings(clusterName, interfaceAddress, port, members, mapName, backupCount);
    }

    /** A copy with {@code members}. */
    public HazelcastMemberSettings withMembers(List<String> members) {
        return new HazelcastMemberSettings(clusterName, interfaceAddress, port, members, mapName, backupCount);
    }

    /** A copy with {@code mapName}. */
    public HazelcastMemberSettings withMapName(String mapName) {
        return new HazelcastMemberSettings(clusterName, interfaceAddress, port, members, mapName, backupCount);
    }

    /** A copy with {@code backupCount}. */
    public HazelcastMemberSettings withBackupCount(int backupCount) {
        return new HazelcastMemberSettings(clusterName, interfaceAddress, port, members, mapName, backupCount);
    }

    static String nonBlank(String value, String name) {
        List<String> problems = new ArrayList<>();
        String stripped = nonBlank(value, name, problems);
        InvalidSettingsException.throwIfAny(problems);
        return stripped;
    }

    private static String nonBlank(String value, String name, List<String> problems) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            problems.add(name + " must not be blank");
        }
        return value.strip();
    }
}

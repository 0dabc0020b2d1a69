package dev.restdatasource.hazelcast;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Settings for test members on 127.0.0.1: a cluster name of its own and free ports, members listed one by one. */
final class TestMembers {
    private final HazelcastMemberSettings base;
    private final List<Integer> ports;

    TestMembers(int count) {
        ports = LoopbackPorts.free(count, 20_000, 30_000, 0);
        base = HazelcastMemberSettings.defaults()
                .withClusterName("rds-test-" + UUID.randomUUID())
                .withMembers(addresses());
    }

    HazelcastMemberSettings member(int index) {
        return base.withPort(ports.get(index));
    }

    List<String> addresses() {
        return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.toList());
    }

    String clusterName() {
        return base.clusterName();
    }
}

package dev.restdatasource.infinispan;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Settings for test nodes on 127.0.0.1: a cluster name of its own and free ports (with FD_SOCK2's + 50000). */
final class TestNodes {
    private final InfinispanNodeSettings base;
    private final List<Integer> ports;

    TestNodes(int count) {
        ports = LoopbackPorts.free(count, 10_000, 15_000, 50_000);
        base = InfinispanNodeSettings.defaults()
                .withClusterName("rds-test-" + UUID.randomUUID())
                .withInitialHosts(ports.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.joining(",")));
    }

    InfinispanNodeSettings node(int index) {
        return base.withBindPort(ports.get(index));
    }
}

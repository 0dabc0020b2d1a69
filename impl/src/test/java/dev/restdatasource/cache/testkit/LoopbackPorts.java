package dev.restdatasource.cache.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Picks TCP ports that are free on 127.0.0.1 now, for cluster nodes of tests. Stateless and thread-safe. */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /**
     * Returns {@code count} distinct ports in {@code [from, to)} that could be bound on 127.0.0.1 just now,
     * each with {@code port + companionOffset} free as well (0: no companion; Infinispan's FD_SOCK2 listens at
     * port + 50000). Tries at most 1,000 random ports.
     *
     * @throws IllegalStateException when not enough free ports were found
     */
    public static List<Integer> free(int count, int from, int to, int companionOffset) {
        List<Integer> ports = new ArrayList<>();
        for (int attempt = 0; attempt < 1_000 && ports.size() < count; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(from, to);
            if (!ports.contains(port) && canBind(port) && (companionOffset == 0 || canBind(port + companionOffset))) {
                ports.add(port);
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException("only " + ports.size() + " free ports found in [" + from + ", " + to + ")");
        }
        return ports;
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}

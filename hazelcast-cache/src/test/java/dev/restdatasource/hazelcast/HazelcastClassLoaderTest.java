package dev.restdatasource.hazelcast;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hazelcast's threads get the application's class loader as context class loader (the engine's continuations run
 * on them and look up JSON-B through it; on Open Liberty they failed without it).
 */
class HazelcastClassLoaderTest {
    @Test
    void memberAndClientConfigsCarryTheCallersContextClassLoader() {
        ClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        try {
            assertSame(application, HazelcastCaches.memberConfig(HazelcastMemberSettings.defaults()).getClassLoader());
            assertSame(application, HazelcastCaches.clientConfig("c", List.of("127.0.0.1:5701")).getClassLoader());
            thread.setContextClassLoader(null);
            assertSame(HazelcastCaches.class.getClassLoader(),
                    HazelcastCaches.memberConfig(HazelcastMemberSettings.defaults()).getClassLoader());
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}

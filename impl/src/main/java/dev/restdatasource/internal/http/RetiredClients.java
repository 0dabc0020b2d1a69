package dev.restdatasource.internal.http;

import dev.restdatasource.internal.concurrent.DaemonThreads;
import java.lang.ref.WeakReference;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK clients a transport replaced (see {@link JdkHttpTransport}'s class comment). Where the JDK can close a
 * client (Java 21 and later, where {@code HttpClient} is {@link AutoCloseable}), it is closed on a thread of its own:
 * closing waits for its exchanges to end, then closes its connections and its selector thread. On Java 17 a client
 * lets go of its selector thread only when the garbage collector reclaims it, so at most {@link #MAX_UNCOLLECTED}
 * such clients may wait for that at once. Thread-safe.
 */
final class RetiredClients {
    /** Most replaced Java 17 clients that may wait for the garbage collector at once. */
    static final int MAX_UNCOLLECTED = 16;

    private final List<WeakReference<HttpClient>> uncollected = new ArrayList<>();

    /**
     * Retires {@code client}, or refuses to (returns false) when it cannot be closed and {@link #MAX_UNCOLLECTED}
     * retired clients are not reclaimed yet: the caller then keeps using it.
     */
    synchronized boolean retire(HttpClient client) {
        if (client instanceof AutoCloseable) {
            AutoCloseable closeable = (AutoCloseable) client;
            DaemonThreads.named("restdatasource-http-close").newThread(() -> closeQuietly(closeable)).start();
            return true;
        }
        uncollected.removeIf(ref -> ref.get() == null);
        if (uncollected.size() >= MAX_UNCOLLECTED) {
            return false;
        }
        uncollected.add(new WeakReference<>(client));
        return true;
    }

    private static void closeQuietly(AutoCloseable client) {
        try {
            client.close();
        } catch (Exception e) {
            // Closing only frees resources; a client that fails to close is left to the garbage collector.
        }
    }
}
